package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.imageio.ImageIO;
import org.attractorlab.core.reproduce.Claim;
import org.attractorlab.core.reproduce.Report;
import org.attractorlab.core.reproduce.ReportFigure;
import org.attractorlab.core.reproduce.ReproduceException;
import org.attractorlab.core.reproduce.ReproduceSpec;
import org.attractorlab.core.reproduce.Reproduction;
import org.attractorlab.core.reproduce.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code reproduce NAME}: every shipped experiment end to end at the tiny scale (sweeps, analyses, figures, report),
 * resuming, refusing a directory that holds something else, and each figure regenerable by its export command.
 */
class ReproduceCommandTest {
    private static final int WORKERS = 2;

    @TempDir
    Path tmp;

    private static Reproduction.Result reproduce(String name, Path dir, List<String> log) throws IOException {
        return Reproduction.run(Reproduction.Settings.local(name, dir, Scale.TINY, WORKERS), new ReportFigures(),
                log::add, new AtomicBoolean());
    }

    @Test
    void aStopDuringTheAnalysesReturnsWithoutAReportAndTheNextRunAnalysesTheKeptRuns() throws Exception {
        Path dir = tmp.resolve("stopped");
        List<String> log = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        // Ctrl-C as the analyses begin: the log line comes just before them
        Reproduction.Result r = Reproduction.run(Reproduction.Settings.local("degeneracy", dir, Scale.TINY, WORKERS),
                new ReportFigures(), line -> {
                    log.add(line);
                    if (line.startsWith("Analysing")) {
                        stop.set(true);
                    }
                }, stop);
        assertNull(r.report(), String.join("\n", log));
        assertTrue(r.summary().startsWith("analysis stopped"), r.summary());
        assertFalse(Files.exists(dir.resolve("report.md")), "no report of a stopped reproduction");
        List<String> again = new ArrayList<>();
        Reproduction.Result resumed = reproduce("degeneracy", dir, again);
        assertEquals(dir.resolve("report.md"), resumed.report());
        assertTrue(again.stream().anyMatch(l -> l.contains("done before")), String.join("\n", again));
        assertTrue(again.stream().noneMatch(l -> l.contains("runs ended")), "nothing trained again: " + again);

        // the report counts, per task and size, the networks that did not fit their task, as their records say
        String md = Files.readString(resumed.report(), StandardCharsets.UTF_8);
        assertTrue(md.contains("Networks that did not fit their task (validation loss >= 0.1), per size"), md);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var sweeps = Files.list(dir.resolve("sweeps"))) {
            for (Path sweep : sweeps.sorted().toList()) {
                java.util.TreeMap<Integer, int[]> bySize = new java.util.TreeMap<>();
                try (var runs = Files.list(sweep.resolve("runs"))) {
                    for (Path run : runs.toList()) {
                        var rec = mapper.readTree(run.resolve("sweep-run.json").toFile());
                        java.util.regex.Matcher h = java.util.regex.Pattern.compile("hidden_size=(\\d+)")
                                .matcher(run.getFileName().toString());
                        assertTrue(h.find(), run.toString());
                        int[] n = bySize.computeIfAbsent(Integer.parseInt(h.group(1)), k -> new int[2]);
                        n[0] += rec.path("summary").path("validation_loss").asDouble() >= 0.1 ? 1 : 0;
                        n[1]++;
                    }
                }
                StringBuilder row = new StringBuilder("| " + sweep.getFileName() + " |");
                bySize.values().forEach(n -> row.append(" ").append(n[0]).append(" of ").append(n[1]).append(" |"));
                assertTrue(md.contains(row.toString()), "no row " + row + " in\n" + md);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"flipflop", "disentangle", "nback", "degeneracy"})
    void everyExperimentAtTinyScaleWritesValidFiguresAndAReportNamingEveryFigureAndClaimAndResumes(String name)
            throws Exception {
        Path dir = tmp.resolve(name);
        List<String> log = new ArrayList<>();
        Reproduction.Result r = reproduce(name, dir, log);
        assertEquals(List.of(), r.failedRuns(), String.join("\n", log));
        assertEquals(dir.resolve("report.md"), r.report());
        String md = Files.readString(r.report(), StandardCharsets.UTF_8);
        Report json = Report.read(dir);
        assertFalse(r.claims().isEmpty());
        assertEquals(r.claims(), json.claims());
        for (Claim c : r.claims()) {
            String row = "| " + c.paper() + " | " + c.statement().replace("|", "\\|") + " | "
                    + c.here().replace("|", "\\|") + " | ";
            assertTrue(md.contains(row), "report.md has no row for: " + c.statement());
        }
        assertFalse(r.figures().isEmpty());
        assertEquals(2 * json.figures().size(), r.figures().size());
        for (Report.Figure f : json.figures()) {
            assertTrue(md.contains("](" + f.png() + ")"), "report.md shows no " + f.png());
            assertTrue(md.contains("[" + f.pdf() + "](" + f.pdf() + ")"), "report.md links no " + f.pdf());
            assertTrue(md.contains("Regenerate: `" + f.command() + "`"), "report.md has no export command of "
                    + f.png());
            BufferedImage img = ImageIO.read(dir.resolve(f.png()).toFile());
            assertNotNull(img, f.png() + " is not a PNG");
            assertTrue(img.getWidth() > 500 && img.getHeight() > 400, f.png() + " is " + img.getWidth() + " x "
                    + img.getHeight());
            byte[] pdf = Files.readAllBytes(dir.resolve(f.pdf()));
            assertEquals("%PDF-", new String(pdf, 0, 5, StandardCharsets.ISO_8859_1), f.pdf());
            assertTrue(new String(pdf, StandardCharsets.ISO_8859_1).strip().endsWith("%%EOF"), f.pdf()
                    + " is cut short");
        }
        for (String section : List.of("## Claims", "## Scale and reductions", "## Configs and seeds", "## Time")) {
            assertTrue(md.contains(section), "report.md has no " + section);
        }
        ReproduceSpec spec = ReproduceSpec.load(name);
        for (String sweep : spec.sweeps().keySet()) {
            assertTrue(md.contains("**Sweep " + sweep + "** (`sweeps/" + sweep + "/sweep.json`)"), sweep);
        }
        for (String reduction : spec.scales().get(Scale.TINY).reductions()) {
            assertTrue(md.contains("- " + reduction), reduction);
        }
        if (name.equals("flipflop") || name.equals("disentangle")) {
            resumeAndRegenerate(name, dir, tmp);
        }
    }

    /**
     * Resuming: a second run on the same directory trains nothing. Regenerating: the export command under a figure
     * draws the same PNG, byte for byte (one figure of each experiment whose figures differ in kind).
     */
    private static void resumeAndRegenerate(String name, Path dir, Path tmp) throws Exception {
        if (name.equals("disentangle")) {
            List<String> log = new ArrayList<>();
            Reproduction.Result again = reproduce(name, dir, log);
            assertTrue(log.contains("sweep evidence: all 2 runs done before"), String.join("\n", log));
            assertTrue(Files.readString(again.report()).contains("| training (0 runs trained now, 2 done before) |"));
        }
        Report.Figure f = Report.read(dir).figures().get(0);
        List<String> args = new ArrayList<>(List.of(f.command().split(" ")));
        assertEquals(List.of("attractor-lab", "export"), args.subList(0, 2));
        args = new ArrayList<>(args.subList(1, args.size()));
        args.set(1, dir.resolve(args.get(1)).toString());
        Path png = tmp.resolve("again-" + f.png());
        args.set(args.indexOf("--out") + 1, png.toString());
        args.addAll(List.of("--dpi", Integer.toString(ReportFigure.DPI)));
        TrainCommandTest.Result r = TrainCommandTest.cli(args.toArray(String[]::new));
        assertEquals(0, r.code(), r.err());
        assertArrayEquals(Files.readAllBytes(dir.resolve(f.png())), Files.readAllBytes(png),
                f.png() + " is not what its export command draws");
    }

    @Test
    void aDirectoryHoldingAnotherReproductionOrOtherFilesIsRefusedNamingWhatItHolds() throws Exception {
        Path dir = tmp.resolve("other");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(Reproduction.FILE), "{\"experiment\": \"nback\", \"scale\": \"quick\", "
                + "\"sweeps\": []}");
        ReproduceException e = assertThrows(ReproduceException.class, () -> reproduce("flipflop", dir,
                new ArrayList<>()));
        assertTrue(e.getMessage().contains("holds the reproduction nback at scale quick, not flipflop at scale "
                + "tiny"), e.getMessage());

        Path files = tmp.resolve("files");
        Files.createDirectories(files);
        Files.writeString(files.resolve("notes.txt"), "mine");
        TrainCommandTest.Result r = TrainCommandTest.cli("reproduce", "flipflop", "--scale", "tiny", "--out",
                files.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("is not empty and holds no reproduction"), r.err());
        assertEquals(List.of("notes.txt"), List.of(files.toFile().list()));

        r = TrainCommandTest.cli("reproduce", "flipflopp", "--out", tmp.resolve("x").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("flipflop, disentangle, nback, degeneracy"), r.err());
        r = TrainCommandTest.cli("reproduce", "flipflop", "--scale", "huge", "--out", tmp.resolve("x").toString());
        assertTrue(r.err().contains("scale = 'huge' is not allowed: use tiny, quick or full"), r.err());
        r = TrainCommandTest.cli("reproduce", "flipflop", "--workers", "2", "--backend", "slurm", "--out",
                tmp.resolve("x").toString());
        assertTrue(r.err().contains("--workers is an option of the local backend"), r.err());
        assertFalse(Files.exists(tmp.resolve("x")));
    }

    @Test
    void listNamesEveryExperimentWithItsDescription() {
        TrainCommandTest.Result r = TrainCommandTest.cli("reproduce", "--list");
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(ReproduceSpec.NAMES.size(), lines.size(), r.out());
        for (int i = 0; i < lines.size(); i++) {
            ReproduceSpec s = ReproduceSpec.load(ReproduceSpec.NAMES.get(i));
            assertTrue(lines.get(i).startsWith(s.name() + " "), lines.get(i));
            assertTrue(lines.get(i).contains(s.description()), lines.get(i));
        }
    }
}
