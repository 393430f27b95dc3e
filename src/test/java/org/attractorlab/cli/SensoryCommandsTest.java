package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.attractorlab.cli.TrainCommandTest.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensoryCommandsTest {
    @TempDir
    Path tmp;

    /** A tiny set: 2 categories (disc, square) x 2 identities (colours) x 4 quadrants x 4 views (sizes). */
    private Path stimuli(int size) throws IOException {
        Path dir = tmp.resolve("stimuli");
        Files.createDirectories(dir);
        List<String> lines = new ArrayList<>(List.of("file,category,identity,location,view"));
        Color[] colours = {Color.RED, Color.BLUE};
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < 2; i++) {
                for (int l = 0; l < 4; l++) {
                    for (int v = 0; v < 4; v++) {
                        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
                        Graphics2D g = img.createGraphics();
                        g.setColor(Color.LIGHT_GRAY);
                        g.fillRect(0, 0, size, size);
                        g.setColor(colours[i]);
                        int r = size / 6 + v;
                        int x = (l % 2) * size / 2 + size / 4 - r;
                        int y = (l / 2) * size / 2 + size / 4 - r;
                        if (c == 0) {
                            g.fillOval(x, y, 2 * r, 2 * r);
                        } else {
                            g.fillRect(x, y, 2 * r, 2 * r);
                        }
                        g.dispose();
                        String file = String.format(Locale.ROOT, "s_%d_%d_%d_%d.png", c, i, l, v);
                        ImageIO.write(img, "png", dir.resolve(file).toFile());
                        lines.add(file + "," + c + "," + i + "," + l + "," + v);
                    }
                }
            }
        }
        Files.write(dir.resolve("stimuli.csv"), lines);
        return dir;
    }

    @Test
    void trainSensoryBelowTheGateExitsWithTheFailingHeadsAndLeavesNoModel() throws IOException {
        Path set = stimuli(16);
        Path out = tmp.resolve("cnn");
        Result r = TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", out.toString(),
                "--epochs", "1", "--gate", "1.0", "--quiet");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("accuracy gate not met on held-out views [2]"), r.err());
        assertTrue(Files.exists(out.resolve("sensory.json")));
        assertFalse(Files.exists(out.resolve("cnn.zip")));
        assertFalse(Files.exists(out.resolve("features.npy")));

        Result again = TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", out.toString(),
                "--epochs", "1", "--quiet");
        assertEquals(2, again.code());
        assertTrue(again.err().contains("sensory.json already exists; use --force"), again.err());

        Result pass = TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", out.toString(),
                "--epochs", "1", "--gate", "0.01", "--force", "--quiet");
        assertEquals(0, pass.code(), pass.err());
        assertTrue(Files.exists(out.resolve("cnn.zip")) && Files.exists(out.resolve("features.npy")));
        Result failAgain = TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", out.toString(),
                "--epochs", "1", "--gate", "1.0", "--force", "--quiet");
        assertEquals(1, failAgain.code());
        assertFalse(Files.exists(out.resolve("cnn.zip")), "a failed gate must not leave an earlier model behind");
        assertFalse(Files.exists(out.resolve("features.npy")));
    }

    @Test
    void trainSensoryNamesABadStimulusIndex() throws IOException {
        Path dir = tmp.resolve("bad");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("stimuli.csv"), "file,category,view\na.png,0,0\n");
        Result r = TrainCommandTest.cli("train-sensory", "--stimuli", dir.toString(), "--out", tmp.resolve("o").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("header must start with file,category,identity,location,view"), r.err());
        Result missing = TrainCommandTest.cli("train-sensory", "--stimuli", tmp.resolve("none").toString(), "--out",
                tmp.resolve("o").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("not a stimulus directory"), missing.err());
    }

    @Test
    void extractFeaturesListsLayersWithoutLayerAndFeaturesAreAnalysableByAnalyze() throws IOException {
        Path set = stimuli(16);
        Path cnn = tmp.resolve("cnn");
        Result t = TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", cnn.toString(),
                "--epochs", "1", "--gate", "0.01", "--features", "16", "--quiet");
        assertEquals(0, t.code(), t.err());
        Path zip = cnn.resolve("cnn.zip");

        Result list = TrainCommandTest.cli("extract-features", "--model", zip.toString());
        assertEquals(2, list.code());
        assertTrue(list.out().contains("features (DenseLayer)"), list.out());
        assertTrue(list.out().contains("conv3 (ConvolutionLayer)"), list.out());
        assertTrue(list.err().contains("--layer is missing"), list.err());

        Result wrong = TrainCommandTest.cli("extract-features", "--model", zip.toString(), "--layer", "fc9",
                "--stimuli", set.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().contains("no layer 'fc9'") && wrong.err().contains("pool2 (SubsamplingLayer)"), wrong.err());

        Result gone = TrainCommandTest.cli("extract-features", "--model", tmp.resolve("gone.zip").toString(), "--layer",
                "features", "--stimuli", set.toString(), "--out", tmp.resolve("x").toString());
        assertEquals(2, gone.code());
        assertTrue(gone.err().contains("gone.zip: model file not found"), gone.err());

        Path feats = tmp.resolve("feats");
        Result x = TrainCommandTest.cli("extract-features", "--model", zip.toString(), "--layer", "pool3",
                "--stimuli", set.toString(), "--out", feats.toString(), "--quiet");
        assertEquals(0, x.code(), x.err());
        assertTrue(x.out().contains("64 images x 128 features"), x.out());

        // the CNN's feature space through the same decoders and orthogonalisation index as the RNN's
        Path analysis = tmp.resolve("analysis");
        Result a = TrainCommandTest.cli("analyze", "--states", cnn.resolve("features.npy").toString(), "--conditions",
                cnn.resolve("stimuli.csv").toString(), "--only", "decode", "--decode-targets",
                "category,identity,location", "--decode-folds", "4", "--out", analysis.toString());
        assertEquals(0, a.code(), a.err());
        List<String> ortho = Files.readAllLines(analysis.resolve("orthogonalisation.csv"));
        assertEquals("column,step,orthogonalisation_index", ortho.get(0));
        assertTrue(ortho.get(1).startsWith("location,0,"), ortho.toString());
        List<String> decoding = Files.readAllLines(analysis.resolve("decoding.csv"));
        assertTrue(decoding.stream().anyMatch(l -> l.startsWith("category,")), decoding.toString());
    }

    /**
     * The GUI and the RNN commands never load ND4J: a fresh JVM runs {@code train} on the flip-flop sample and
     * {@code --help} with class loading logged, and no org.nd4j / org.deeplearning4j / org.bytedeco class appears.
     * The same probe on {@code extract-features} (which does use ND4J) shows them, so the probe can see them.
     */
    @Test
    void nonSensoryCommandsNeverLoadNd4j() throws Exception {
        String train = loadedClasses("train", "samples/flipflop-3bit.json", "--out", tmp.resolve("run").toString(),
                "--quiet", "--set", "training.steps=3", "--set", "model.hidden_size=8");
        assertTrue(train.contains("org.attractorlab.core.train.Trainer"), "the probe must log class loading");
        assertFalse(train.contains("org.nd4j"), "train loaded ND4J");
        assertFalse(train.contains("org.deeplearning4j"), "train loaded DL4J");
        assertFalse(train.contains("org.bytedeco"), "train loaded JavaCPP");
        String help = loadedClasses("--help");
        assertTrue(help.contains("org.attractorlab.cli.TrainSensoryCommand"), "help builds every sub-command");
        assertFalse(help.contains("org.nd4j"), "--help loaded ND4J");

        Path set = stimuli(16);
        Path cnn = tmp.resolve("cnn");
        assertEquals(0, TrainCommandTest.cli("train-sensory", "--stimuli", set.toString(), "--out", cnn.toString(),
                "--epochs", "1", "--gate", "0.01", "--features", "4", "--quiet").code());
        String extract = loadedClasses("extract-features", "--model", cnn.resolve("cnn.zip").toString());
        assertTrue(extract.contains("org.nd4j.linalg.factory.Nd4j "), "extract-features should load ND4J");
    }

    private String loadedClasses(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Xlog:class+load=info", "-Djava.awt.headless=true",
                "-cp", System.getProperty("java.class.path"), "org.attractorlab.Launcher"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out;
        try (InputStream in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the probe JVM did not finish");
        return out;
    }
}
