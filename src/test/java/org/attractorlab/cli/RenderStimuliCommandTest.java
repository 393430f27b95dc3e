package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.attractorlab.sensory.render.StimulusIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;

/** The render-stimuli command end to end (needs a display with OpenGL; surefire runs it under Xvfb). */
class RenderStimuliCommandTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void shareTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage(); // the UI tests in the same JVM start JavaFX through TestFX
    }

    private static TrainCommandTest.Result cli(String... args) {
        return TrainCommandTest.cli(args);
    }

    @Test
    void writesOneRgbPngPerIndexRowWithTheContractHeader() throws IOException {
        Path dir = tmp.resolve("stimuli");
        TrainCommandTest.Result r = cli("render-stimuli", "--out", dir.toString(), "--views", "1", "--quiet");
        assertEquals(0, r.code(), r.err());
        List<String> lines = Files.readAllLines(dir.resolve("stimuli.csv"));
        assertEquals(1 + 8 * 4 * 4, lines.size(), "header and one row per image");
        assertTrue(lines.get(0).startsWith("file,category,identity,location,view,"), lines.get(0));
        List<StimulusIndex.Row> rows = StimulusIndex.read(dir);
        assertEquals(128, rows.size());
        assertEquals(new StimulusIndex.Row("c07-i3-l3-v00.png", 7, 3, 3, 0), rows.get(127));
        for (StimulusIndex.Row row : rows) {
            BufferedImage img = ImageIO.read(dir.resolve(row.file()).toFile());
            assertEquals(64, img.getWidth(), row.file());
            assertEquals(64, img.getHeight(), row.file());
            assertFalse(img.getColorModel().hasAlpha(), row.file() + " is RGB");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(128 + 3, files.count(), "the images, stimuli.csv, categories.csv and render.json");
        }
        assertEquals(9, Files.readAllLines(dir.resolve("categories.csv")).size());
        assertTrue(Files.readString(dir.resolve("render.json")).contains("\"views\" : 1"));
        assertTrue(r.out().contains("Wrote 128 images"), r.out());
    }

    @Test
    void refusesANonEmptyDirectoryWithoutForceAndNamesIt() throws IOException {
        Path dir = tmp.resolve("mine");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "keep me");
        TrainCommandTest.Result r = cli("render-stimuli", "--out", dir.toString(), "--views", "1", "--categories", "1",
                "--quiet");
        assertEquals(2, r.code());
        assertTrue(r.err().contains(dir.toString()) && r.err().contains("--force"), r.err());
        assertFalse(Files.exists(dir.resolve("stimuli.csv")));

        r = cli("render-stimuli", "--out", dir.toString(), "--views", "1", "--categories", "1", "--force", "--quiet");
        assertEquals(0, r.code(), r.err());
        assertEquals("keep me", Files.readString(dir.resolve("notes.txt")), "--force leaves other files alone");
    }

    @Test
    void reRenderingWithForceGivesTheSameBytesAsAFreshRenderAndDropsStaleImages() throws IOException {
        Path a = tmp.resolve("a");
        Path b = tmp.resolve("b");
        String[] small = {"--categories", "3", "--identities", "2", "--seed", "5", "--quiet"};
        assertEquals(0, cli(concat(new String[] {"render-stimuli", "--out", a.toString(), "--views", "3"}, small)).code());
        assertEquals(0, cli(concat(new String[] {"render-stimuli", "--out", a.toString(), "--views", "2", "--force"},
                small)).code());
        assertEquals(0, cli(concat(new String[] {"render-stimuli", "--out", b.toString(), "--views", "2"}, small)).code());
        List<String> namesA = names(a);
        assertEquals(names(b), namesA, "the same files");
        assertEquals(3 * 2 * 4 * 2 + 3, namesA.size(), "view 2 of the first render is gone");
        for (String name : namesA) {
            assertArrayEquals(Files.readAllBytes(b.resolve(name)), Files.readAllBytes(a.resolve(name)), name);
        }
    }

    @Test
    void anImageSizeBelow64IsAUsageError() {
        TrainCommandTest.Result r = cli("render-stimuli", "--out", tmp.resolve("x").toString(), "--size", "32");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("size = 32"), r.err());
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
