package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** analyze's and export's N-back analyses on a small nine-task network (symbolic stimuli). */
class NBackAnalysesCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainSmallNineTaskNetwork() {
        run = tmp.resolve("nback");
        TrainCommandTest.Result r = TrainCommandTest.cli("train", "samples/nback-9task.json", "--out",
                run.toString(), "--quiet", "--set", "task.stimulus_encoding=symbolic", "--set", "model.cell=vanilla",
                "--set", "model.hidden_size=32", "--set", "training.steps=150", "--set", "training.batch_size=32",
                "--set", "training.checkpoint_every=150");
        assertEquals(0, r.code(), r.err());
    }

    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p);
    }

    @Test
    void analyzeWritesTheCrossTaskRelevanceOrthogonalisationAndProcrustesTables() throws IOException {
        Path out = tmp.resolve("analysis");
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out", out.toString(),
                "--trials", "180", "--only", "decode,cross-task,procrustes", "--decode-targets", "task",
                "--orth-step", "3", "--decode-stride", "6");
        assertEquals(0, r.code(), r.err());
        List<String> cross = lines(out.resolve("decoding_cross_task.csv"));
        assertEquals("train_task,test_task,feature,accuracy,chance", cross.get(0));
        assertEquals(9 * 9 * 3, cross.size() - 1, "nine tasks, every ordered pair, three features");
        Set<String> trainTasks = cross.stream().skip(1).map(l -> l.split(",")[0]).collect(Collectors.toSet());
        assertEquals(Set.copyOf(org.attractorlab.core.task.NBackTask.taskNames()), trainTasks);
        for (String l : cross.subList(1, cross.size())) {
            double acc = Double.parseDouble(l.split(",")[3]);
            assertTrue(acc >= 0 && acc <= 1, l);
        }
        // the study on the probe states the app's panes would see, with its defaults, gives the same numbers
        var h = org.attractorlab.core.study.Probe.states(org.attractorlab.core.run.TrainedRun.open(run, null), 180,
                false);
        var study = org.attractorlab.core.study.CrossTaskStudy.run(h,
                org.attractorlab.core.study.CrossTaskStudy.defaultsFor(h));
        String[] first = cross.get(1).split(",");
        assertEquals("location-1back,location-1back,location", String.join(",", first[0], first[1], first[2]));
        assertEquals(study.matrices().get(0).accuracy(0, 0), Double.parseDouble(first[3]), 1e-12);
        String[] last = cross.get(cross.size() - 1).split(",");
        assertEquals("category-3back,category-3back,category", String.join(",", last[0], last[1], last[2]));
        assertEquals(study.matrices().get(2).accuracy(8, 8), Double.parseDouble(last[3]), 1e-12);
        List<String> relevance = lines(out.resolve("decoding_relevance.csv"));
        assertEquals("task,feature,relevant,accuracy,chance", relevance.get(0));
        assertEquals(27, relevance.size() - 1);
        assertTrue(relevance.contains(relevance.stream().filter(l -> l.startsWith("category-2back,category,1,"))
                .findFirst().orElseThrow()), "a task's compared feature is relevant");
        assertEquals(9, relevance.stream().filter(l -> l.split(",")[2].equals("1")).count());
        List<String> orth = lines(out.resolve("orthogonalisation_perceptual.csv"));
        assertEquals("feature,step,position,perceptual_index,encoding_index,perceptual_dims,encoding_dims",
                orth.get(0));
        assertEquals(3, orth.size() - 1, orth.toString());
        assertTrue(orth.stream().skip(1).allMatch(l -> l.split(",")[1].equals("3")), "at --orth-step: " + orth);
        // the symbolic stimulus is 8 categories + 4 identities + 4 locations one-hot, without the nine cue channels
        assertTrue(orth.stream().skip(1).allMatch(l -> l.endsWith(",16,32")), orth.toString());
        List<String> procrustes = lines(out.resolve("procrustes.csv"));
        assertTrue(procrustes.get(0).startsWith("feature,item,from_position,lag,"), procrustes.get(0));
        assertEquals(15, procrustes.size() - 1, "six positions: 5 + 4 + 3 + 2 + 1 time pairs");
        assertTrue(r.out().contains("cross-task: 9 tasks") && r.out().contains("procrustes: category"), r.out());
    }

    @Test
    void analyzeOfStatesThatAreNotNBackSaysItSkipsTheNBackAnalyses() throws IOException {
        Path src = tmp.resolve("src");
        TrainCommandTest.Result first = TrainCommandTest.cli("analyze", run.toString(), "--out", src.toString(),
                "--trials", "32", "--only", "pca");
        assertEquals(0, first.code(), first.err());
        Path conditions = tmp.resolve("conditions.csv");
        Files.writeString(conditions, "task\n" + "0\n1\n".repeat(16));
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", "--states", src.resolve("hidden_states.npy")
                .toString(), "--conditions", conditions.toString(), "--out", tmp.resolve("ext").toString(),
                "--only", "cross-task");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("cross-task: skipped, the states are not an N-back task's"), r.err());
    }

    @Test
    void anOrthogonalisationStepOutsideTheTrialIsRefusedNamingIt() {
        TrainCommandTest.Result r = TrainCommandTest.cli("analyze", run.toString(), "--out",
                tmp.resolve("bad-step").toString(), "--trials", "90", "--only", "decode", "--decode-targets", "task",
                "--decode-stride", "6", "--orth-step", "6");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.err().contains("orthogonalisation.step = '6' is not allowed: use 0..5"), r.err());
    }

    @Test
    void exportDrawsEachNBackFigureAsAPng() throws IOException {
        for (String figure : List.of("cross-task", "relevance", "orthogonalisation", "procrustes")) {
            Path out = tmp.resolve(figure + ".png");
            TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", figure, "--out",
                    out.toString(), "--trials", "90", "--dpi", "72");
            assertEquals(0, r.code(), figure + ": " + r.err());
            BufferedImage img = ImageIO.read(out.toFile());
            assertEquals(figure.equals("cross-task") ? 1260 : figure.equals("relevance") ? 700 : 560, img.getWidth());
            assertTrue(distinctColours(img) > 8, figure + " is not blank");
        }
        TrainCommandTest.Result bad = TrainCommandTest.cli("export", run.toString(), "--figure", "procrustes",
                "--procrustes-feature", "colour", "--out", tmp.resolve("bad.png").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("procrustes.feature = 'colour'"), bad.err());
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> c = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) {
            for (int x = 0; x < img.getWidth(); x += 3) {
                c.add(img.getRGB(x, y));
            }
        }
        return c.size();
    }
}
