package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cnn encoding of the N-back tasks on a small synthetic feature table written here. */
class NBackCnnFeaturesTest {
    private static final int C = 3;
    private static final int I = 2;
    private static final int L = 4;
    private static final int V = 2;
    private static final int F = 6;

    @TempDir
    Path dir;

    /** Every (c, i, l, v) once, in a shuffled order; features [c, i, l, v, row, 10 c + i + 0.1 l]. */
    private int writeTable(Path where, String header, int dropRow) throws IOException {
        List<int[]> combos = new ArrayList<>();
        for (int c = 0; c < C; c++) {
            for (int i = 0; i < I; i++) {
                for (int l = 0; l < L; l++) {
                    for (int v = 0; v < V; v++) {
                        combos.add(new int[]{c, i, l, v});
                    }
                }
            }
        }
        java.util.Collections.shuffle(combos, new java.util.Random(5));
        if (dropRow >= 0) {
            combos.remove(dropRow);
        }
        float[] features = new float[combos.size() * F];
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int r = 0; r < combos.size(); r++) {
            int[] k = combos.get(r);
            float[] row = {k[0], k[1], k[2], k[3], r, 10 * k[0] + k[1] + 0.1f * k[2]};
            System.arraycopy(row, 0, features, r * F, F);
            csv.append("img_").append(r).append(".png,").append(k[0]).append(',').append(k[1]).append(',')
                    .append(k[2]).append(',').append(k[3]).append(header.endsWith(",split") ? ",train\n" : "\n");
        }
        Files.createDirectories(where);
        Npy.write(where.resolve("features.npy"), NdArray.of(new int[]{combos.size(), F}, features));
        Files.writeString(where.resolve("stimuli.csv"), csv);
        return combos.size();
    }

    private static NBackOptions cnn(NBackDiet diet, String featuresDir, boolean normalize) {
        NBackOptions d = NBackOptions.DEFAULTS;
        return new NBackOptions(diet, NBackFeature.IDENTITY, 2, 6, 1, 0, 0.5, true, StimulusEncoding.CNN,
                featuresDir, normalize, d.categories(), d.identities(), d.locations(), d.views(), d.dtMillis());
    }

    @Test
    void cnnInputsAreTheFeatureRowsOfAnImageShowingTheSampledStimulus() throws IOException {
        writeTable(dir, "file,category,identity,location,view,split", -1);
        NBackTask task = new NBackTask(cnn(NBackDiet.MTMF, dir.toString(), false));
        assertEquals(F + 9, task.inputSize());
        assertEquals("cnn0", task.inputNames().get(0));
        assertEquals(C, task.categories());
        assertEquals(I, task.identities());
        assertEquals(L, task.locations());
        assertEquals(V, task.views());
        StimulusFeatureTable table = task.featureTable();
        TrialBatch batch = task.sample(600, new SplittableRandom(81));
        ConditionTable c = batch.conditions();
        int[] viewCounts = new int[V];
        for (int b = 0; b < batch.trials(); b++) {
            int[] answers = NBackTaskTest.referenceAnswers(c, b, 6);
            for (int p = 0; p < 6; p++) {
                int image = (int) c.get(b, "image_p" + p);
                assertEquals(table.category(image), c.get(b, "category_p" + p));
                assertEquals(table.identity(image), c.get(b, "identity_p" + p));
                assertEquals(table.location(image), c.get(b, "location_p" + p));
                assertEquals(table.view(image), c.get(b, "view_p" + p));
                viewCounts[table.view(image)]++;
                float[] in = Arrays.copyOfRange(batch.inputs(), batch.inputIndex(b, p, 0),
                        batch.inputIndex(b, p, 0) + F);
                float[] row = new float[]{table.category(image), table.identity(image), table.location(image),
                        table.view(image), image, 10 * table.category(image) + table.identity(image)
                        + 0.1f * table.location(image)};
                assertArrayEquals(row, in, "inputs are image " + image + "'s features");
                assertEquals(1f, batch.targets()[batch.outputIndex(b, p, answers[p])], "answer trial " + b);
            }
        }
        assertEquals(0.5, viewCounts[0] / (double) (viewCounts[0] + viewCounts[1]), 0.05, "views drawn uniformly");
    }

    @Test
    void normalisedCnnFeaturesAreStandardisedOverTheTable() throws IOException {
        int rows = writeTable(dir, "file,category,identity,location,view", -1);
        NBackTask task = new NBackTask(cnn(NBackDiet.STMF, dir.toString(), true));
        float[] raw = task.featureTable().features();
        TrialBatch batch = task.sample(20, new SplittableRandom(82));
        for (int b = 0; b < batch.trials(); b++) {
            int image = (int) batch.conditions().get(b, "image_p0");
            for (int k = 0; k < F; k++) {
                double mean = 0;
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    mean += raw[r * F + k];
                }
                mean /= rows;
                for (int r = 0; r < rows; r++) {
                    sq += (raw[r * F + k] - mean) * (raw[r * F + k] - mean);
                }
                double expected = (raw[image * F + k] - mean) / Math.sqrt(sq / rows);
                assertEquals(expected, batch.inputs()[batch.inputIndex(b, 0, k)], 1e-5, "feature " + k);
            }
        }
    }

    private String failure(String featuresDir) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new NBackTask(cnn(NBackDiet.MTMF, featuresDir, true)));
        return e.getMessage();
    }

    @Test
    void missingOrMalformedFeatureFilesAreRefusedNamingTheFile() throws IOException {
        String none = failure(dir.resolve("nowhere").toString());
        assertTrue(none.contains("nowhere") && none.contains("no such directory"), none);

        Path onlyCsv = dir.resolve("only-csv");
        writeTable(onlyCsv, "file,category,identity,location,view", -1);
        Files.delete(onlyCsv.resolve("features.npy"));
        String missing = failure(onlyCsv.toString());
        assertTrue(missing.contains(onlyCsv.resolve("features.npy").toString()) && missing.contains("no such file"),
                missing);

        Path header = dir.resolve("header");
        writeTable(header, "file,category,identity,view,location", -1);
        String badHeader = failure(header.toString());
        assertTrue(badHeader.contains("stimuli.csv") && badHeader.contains("file,category,identity,location,view"),
                badHeader);

        Path misaligned = dir.resolve("misaligned");
        writeTable(misaligned, "file,category,identity,location,view", -1);
        Npy.write(misaligned.resolve("features.npy"), NdArray.of(new int[]{5, F}, new float[5 * F]));
        String rows = failure(misaligned.toString());
        assertTrue(rows.contains("features.npy has 5 rows") && rows.contains("48 stimuli"), rows);

        Path oneD = dir.resolve("one-d");
        writeTable(oneD, "file,category,identity,location,view", -1);
        Npy.write(oneD.resolve("features.npy"), NdArray.vector(new float[48]));
        String shape = failure(oneD.toString());
        assertTrue(shape.contains("features.npy") && shape.contains("2-D"), shape);

        Path gap = dir.resolve("gap");
        writeTable(gap, "file,category,identity,location,view", 0);
        // dropping one image leaves its (c, i, l) with the other view: still complete
        assertEquals(47, new NBackTask(cnn(NBackDiet.MTMF, gap.toString(), true)).featureTable().rows());

        Path text = dir.resolve("text");
        writeTable(text, "file,category,identity,location,view", -1);
        String csv = Files.readString(text.resolve("stimuli.csv")).replaceFirst("\\.png,\\d+,", ".png,chair,");
        Files.writeString(text.resolve("stimuli.csv"), csv);
        String codes = failure(text.toString());
        assertTrue(codes.contains("stimuli.csv") && codes.contains("category") && codes.contains("chair"), codes);
    }

    @Test
    void aConfigNamingAMissingFeatureFolderIsRefusedWhenLoaded() {
        Path missing = dir.resolve("not-rendered-yet");
        org.attractorlab.core.config.ConfigException e = assertThrows(org.attractorlab.core.config.ConfigException.class,
                () -> org.attractorlab.core.config.ConfigLoader.standard().parse("{\"task\": {\"name\": \"nback\", "
                        + "\"stimulus_encoding\": \"cnn\", \"features_dir\": \"" + missing + "\"}}"));
        assertTrue(e.getMessage().contains("task.features_dir = \"" + missing + "\"")
                && e.getMessage().contains("no such directory"), e.getMessage());
    }

    @Test
    void aCombinationWithoutAnyImageIsRefused() throws IOException {
        Path holes = dir.resolve("holes");
        Files.createDirectories(holes);
        // category 1, identity 0, location 0 missing in both views
        StringBuilder csv = new StringBuilder("file,category,identity,location,view\n");
        List<Float> f = new ArrayList<>();
        int n = 0;
        for (int c = 0; c < 2; c++) {
            for (int l = 0; l < 2; l++) {
                if (c == 1 && l == 0) {
                    continue;
                }
                csv.append("x").append(n++).append(".png,").append(c).append(",0,").append(l).append(",0\n");
                f.add((float) n);
            }
        }
        float[] data = new float[f.size()];
        for (int i = 0; i < data.length; i++) {
            data[i] = f.get(i);
        }
        Npy.write(holes.resolve("features.npy"), NdArray.of(new int[]{n, 1}, data));
        Files.writeString(holes.resolve("stimuli.csv"), csv);
        String msg = failure(holes.toString());
        assertTrue(msg.contains("no image of category 1, identity 0, location 0"), msg);
    }

    @Test
    void theBundledSetLoadsOrItsAbsenceIsExplained() {
        boolean shipped = StimulusFeatureFiles.class.getResource(StimulusFeatureFiles.BUNDLED
                + StimulusFeatureFiles.FEATURES) != null;
        if (shipped) {
            NBackTask task = new NBackTask(cnn(NBackDiet.MTMF, "", true));
            assertTrue(task.categories() >= 2 && task.locations() >= 2);
            assertEquals(task.featureTable().featureSize() + 9, task.inputSize());
        } else {
            String msg = failure("");
            assertTrue(msg.contains("/assets/sensory/features.npy") && msg.contains("task.features_dir"), msg);
        }
    }
}
