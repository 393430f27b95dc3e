package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.attractorlab.figure.PdfText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

class ExportCommandTest {
    @TempDir
    static Path tmp;
    static Path run;

    @BeforeAll
    static void trainSmallFlipFlop() {
        run = tmp.resolve("ff");
        TrainCommandTest.Result r = TrainCommandTest.cli("train", "samples/flipflop-3bit.json", "--out", run.toString(),
                "--quiet", "--set", "training.steps=300", "--set", "model.hidden_size=24",
                "--set", "training.checkpoint_every=100");
        assertEquals(0, r.code(), r.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"loss", "pca3d", "fixed-points", "eigenvalues", "rsa", "angles", "decoding"})
    void everyFigureRendersAsANonEmptyPngOfTheRequestedSize(String figure) throws Exception {
        Path out = tmp.resolve(figure + ".png");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", figure, "--out",
                out.toString(), "--width", "300", "--height", "240", "--dpi", "96", "--trials", "32");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(out.toFile());
        assertEquals(400, img.getWidth());
        assertEquals(320, img.getHeight());
        int bg = img.getRGB(0, 0);
        long drawn = 0;
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                if (c != bg) {
                    drawn++;
                    colours.add(c);
                }
            }
        }
        assertTrue(drawn > 0.03 * img.getWidth() * img.getHeight(), figure + ": " + drawn + " drawn pixels");
        assertTrue(colours.size() > 20, figure + ": " + colours.size() + " colours");
    }

    @Test
    void pca3dSvgHasTheTitleAxisLabelsLegendAndTrajectoryLines() throws Exception {
        Path out = tmp.resolve("pca3d.svg");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", "pca3d", "--out",
                out.toString(), "--color-by", "bit1", "--checkpoint", "200", "--trials", "16");
        assertEquals(0, r.code(), r.err());
        Document doc = PdfText.xml().parse(out.toFile());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("PCA trajectories, training step 200"), text);
        assertTrue(text.contains("PC1") && text.contains("PC2") && text.contains("PC3"), text);
        assertTrue(text.contains("bit1"), "the colour key names the column: " + text);
        assertTrue(doc.getElementsByTagName("line").getLength() + doc.getElementsByTagName("path").getLength()
                > 16 * 10, "trajectory segments");
    }

    @Test
    void rsaPdfIsOnePageOfTheRequestedSize() throws Exception {
        Path out = tmp.resolve("rdm.pdf");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", "rsa", "--out",
                out.toString(), "--width", "500", "--height", "450", "--trials", "32");
        assertEquals(0, r.code(), r.err());
        String pdf = PdfText.of(Files.readAllBytes(out));
        assertTrue(pdf.matches("(?s).*/MediaBox\\s*\\[\\s*0(\\.0)?\\s+0(\\.0)?\\s+500(\\.0)?\\s+450(\\.0)?\\s*].*"),
                "MediaBox 500 x 450");
        assertTrue(pdf.contains("(RDM, training step 300) Tj"), "the title as text");
    }

    @Test
    void badInputIsRefusedWithAMessageNamingIt() {
        TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", "heatmap", "--out",
                tmp.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("'heatmap' is not a figure"), r.err());
        r = TrainCommandTest.cli("export", run.toString(), "--figure", "pca3d", "--out",
                tmp.resolve("x.png").toString(), "--color-by", "colour");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("no condition column 'colour'"), r.err());
        r = TrainCommandTest.cli("export", run.toString(), "--figure", "loss", "--out", tmp.resolve("x.gif").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("x.gif has no .png, .svg or .pdf extension"), r.err());
    }

    @Test
    void anExistingFileIsReplacedOnlyWithForce() throws Exception {
        Path out = tmp.resolve("keep.svg");
        Files.writeString(out, "mine");
        TrainCommandTest.Result r = TrainCommandTest.cli("export", run.toString(), "--figure", "loss", "--out",
                out.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists; use --force"), r.err());
        assertEquals("mine", Files.readString(out));
        r = TrainCommandTest.cli("export", run.toString(), "--figure", "loss", "--out", out.toString(), "--force");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.readString(out).contains("<svg"));
    }
}
