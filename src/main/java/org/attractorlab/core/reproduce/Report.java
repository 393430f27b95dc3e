package org.attractorlab.core.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.io.BoundedFiles;

/**
 * A written report, read back: what {@code report.md} shows, from its twin {@value #JSON} (its claims and its
 * figures' files, captions and export commands), for the app's Report tab.
 *
 * @param experiment the experiment's name
 * @param scale      its scale
 * @param claims     the claims with their verdicts
 * @param figures    the figures, in report order
 */
public record Report(String experiment, String scale, List<Claim> claims, List<Figure> figures) {
    /** The machine-readable twin of {@code report.md}. */
    public static final String JSON = "report.json";

    /**
     * @param section the report section it is in
     * @param png     the PNG file, relative to the report
     * @param pdf     the PDF file
     * @param caption what it shows
     * @param command the export command that regenerates it
     */
    public record Figure(String section, String png, String pdf, String caption, String command) {
    }

    public Report {
        claims = List.copyOf(claims);
        figures = List.copyOf(figures);
    }

    /** Whether {@code dir} holds a written report ({@code report.md} and {@value #JSON}). */
    public static boolean exists(Path dir) {
        return Files.isRegularFile(dir.resolve("report.md")) && Files.isRegularFile(dir.resolve(JSON));
    }

    /** Reads the report of {@code dir}. */
    public static Report read(Path dir) throws IOException {
        Path file = dir.resolve(JSON);
        JsonNode root;
        try {
            root = RecordTrees.MAPPER.readTree(new String(BoundedFiles.read(file, BoundedFiles.CONFIG_LIMIT, JSON),
                    StandardCharsets.UTF_8));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReproduceException(file + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ReproduceException(file + " is not a JSON object");
        }
        List<Claim> claims = new ArrayList<>();
        for (JsonNode c : root.path("claims")) {
            Verdict v = Verdict.byText(c.path("verdict").asText());
            if (v == null) {
                throw new ReproduceException(file + ": a claim has the verdict '" + c.path("verdict").asText()
                        + "'");
            }
            claims.add(new Claim(c.path("paper").asText(), c.path("statement").asText(), c.path("here").asText(), v));
        }
        List<Figure> figures = new ArrayList<>();
        for (JsonNode n : root.path("figures")) {
            figures.add(new Figure(n.path("section").asText(), n.path("png").asText(), n.path("pdf").asText(),
                    n.path("caption").asText(), n.path("command").asText()));
        }
        return new Report(root.path("experiment").asText(), root.path("scale").asText(), claims, figures);
    }
}
