package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EvidenceMultitaskTaskTest {
    private static final double SIGMAS = 5.0;
    /** Agreement between float32 encoder features and a double-precision forward pass. */
    private static final double ENCODER_TOL = 1e-4;

    private static EvidenceMultitaskOptions options(int dims, int tasks, boolean raw, long seed) {
        return new EvidenceMultitaskOptions(dims, tasks, 0.2, 1, 20, 1, 100, 40, raw, seed, 100);
    }

    @Test
    void evidenceLabelsMatchTheLineGeometry() {
        int tasks = 7; // odd: one line is vertical, phi = pi / 2
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(options(2, tasks, false, 1));
        TrialBatch batch = task.sample(500, new SplittableRandom(51));
        int decision = 21;
        for (int b = 0; b < batch.trials(); b++) {
            double x1 = batch.conditions().get(b, "x0");
            double x2 = batch.conditions().get(b, "x1");
            for (int i = 0; i < tasks; i++) {
                // independent form: the side of the line's normal (-sin phi, cos phi), flipped where cos phi < 0
                double phi = (i + 0.5) * Math.PI / tasks;
                double side = Math.cos(phi) * x2 - Math.sin(phi) * x1;
                boolean above = 2 * i + 1 == tasks ? x1 < 0 : Math.signum(Math.cos(phi)) * side > 0;
                double expected = above ? 1 : 0;
                assertEquals(expected, batch.conditions().get(b, "label" + i), "label" + i + " trial " + b);
                for (int t = 0; t < batch.steps(); t++) {
                    int o = batch.outputIndex(b, t, i);
                    assertEquals(t >= decision ? (float) expected : 0f, batch.targets()[o]);
                    assertEquals(t >= decision ? 1f : 0f, batch.mask()[o], "mask only at the decision step");
                }
            }
        }
    }

    @Test
    void evidenceTwoTasksAreTheDiagonals() {
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(options(2, 2, false, 1));
        assertEquals(1, task.label(0, new double[]{0.1, 0.2}), "above y = x");
        assertEquals(0, task.label(0, new double[]{0.2, 0.1}), "below y = x");
        assertEquals(1, task.label(1, new double[]{-0.3, 0.4}), "above y = -x");
        assertEquals(0, task.label(1, new double[]{-0.3, 0.2}), "below y = -x");
    }

    @Test
    void evidenceLatentIsUniformAndQuadrantsAreBalanced() {
        TrialBatch batch = new EvidenceMultitaskTask(options(2, 4, false, 1)).sample(4000, new SplittableRandom(52));
        int[] counts = new int[4];
        for (int b = 0; b < batch.trials(); b++) {
            double x1 = batch.conditions().get(b, "x0");
            double x2 = batch.conditions().get(b, "x1");
            assertTrue(Math.abs(x1) <= 0.5 && Math.abs(x2) <= 0.5);
            int q = (x1 < 0 ? 1 : 0) + (x2 < 0 ? 2 : 0);
            assertEquals(q, batch.conditions().get(b, "quadrant"));
            counts[q]++;
        }
        for (int c : counts) {
            assertEquals(1000, c, SIGMAS * Math.sqrt(4000 * 0.25 * 0.75), "quadrant counts " + Arrays.toString(counts));
        }
        double[] x = batch.conditions().column("x0");
        double var = Arrays.stream(x).map(v -> v * v).average().orElseThrow();
        assertEquals(1 / 12.0, var, SIGMAS * Math.sqrt(1 / 80.0 - 1 / 144.0) / Math.sqrt(4000), "variance of U(-.5,.5)");
    }

    @Test
    void evidenceObservationNoiseHasStdSigmaOnlyDuringStimulus() {
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(options(2, 3, true, 1));
        assertEquals(3, task.inputSize());
        TrialBatch batch = task.sample(300, new SplittableRandom(53));
        double sumSq = 0;
        double sum = 0;
        long n = 0;
        for (int b = 0; b < batch.trials(); b++) {
            for (int t = 0; t < batch.steps(); t++) {
                boolean stimulus = t >= 1 && t < 21;
                for (int k = 0; k < 2; k++) {
                    float obs = batch.inputs()[batch.inputIndex(b, t, k)];
                    if (stimulus) {
                        double r = obs - batch.conditions().get(b, "x" + k);
                        sum += r;
                        sumSq += r * r;
                        n++;
                    } else {
                        assertEquals(0f, obs);
                    }
                }
                assertEquals(t < 21 ? 1f : 0f, batch.inputs()[batch.inputIndex(b, t, 2)], "fixation t=" + t);
            }
        }
        double mean = sum / n;
        assertEquals(0.0, mean, SIGMAS * 0.2 / Math.sqrt(n));
        assertEquals(0.2, Math.sqrt(sumSq / n - mean * mean), SIGMAS * 0.2 / Math.sqrt(2.0 * n));
    }

    @Test
    void evidenceEncodedInputsAreTheEncoderAppliedToTheRawObservations() {
        // the raw and encoded variants draw the same random numbers, so the same seed gives the same observations
        EvidenceMultitaskTask raw = new EvidenceMultitaskTask(options(2, 3, true, 9));
        EvidenceMultitaskTask encoded = new EvidenceMultitaskTask(options(2, 3, false, 9));
        TrialBatch r = raw.sample(8, new SplittableRandom(54));
        TrialBatch e = encoded.sample(8, new SplittableRandom(54));
        assertEquals(41, e.inputSize());
        assertEquals(r.conditions(), e.conditions());
        assertArrayEquals(r.targets(), e.targets());
        for (int b = 0; b < 8; b++) {
            for (int t = 0; t < e.steps(); t++) {
                boolean stimulus = t >= 1 && t < 21;
                double[] obs = {r.inputs()[r.inputIndex(b, t, 0)], r.inputs()[r.inputIndex(b, t, 1)]};
                double[] expected = stimulus ? forward(encoded.encoder(), obs) : new double[40];
                for (int k = 0; k < 40; k++) {
                    float v = e.inputs()[e.inputIndex(b, t, k)];
                    assertTrue(v >= 0f, "ReLU features are non-negative");
                    assertEquals(expected[k], v, ENCODER_TOL, "feature " + k + " t=" + t);
                }
                assertEquals(r.inputs()[r.inputIndex(b, t, 2)], e.inputs()[e.inputIndex(b, t, 40)], "fixation");
            }
        }
    }

    /** Brute-force double-precision forward pass through the encoder's weights. */
    private static double[] forward(ReluEncoder enc, double[] x) {
        int[] sizes = enc.sizes();
        double[] h = x.clone();
        for (int l = 1; l < sizes.length; l++) {
            double[] next = new double[sizes[l]];
            for (int j = 0; j < sizes[l]; j++) {
                double s = enc.bias(l, j);
                for (int i = 0; i < sizes[l - 1]; i++) {
                    s += enc.weight(l, j, i) * h[i];
                }
                next[j] = Math.max(0, s);
            }
            h = next;
        }
        return h;
    }

    @Test
    void evidenceEncoderIsDeterministicInItsSeedAndIndependentOfTheBatchRng() {
        double[] x = {0.3, -0.1};
        float[] a = new EvidenceMultitaskTask(options(2, 3, false, 5)).encoder().encode(x);
        float[] b = new EvidenceMultitaskTask(options(2, 3, false, 5)).encoder().encode(x);
        float[] c = new EvidenceMultitaskTask(options(2, 3, false, 6)).encoder().encode(x);
        assertArrayEquals(a, b);
        assertFalse(Arrays.equals(a, c), "another encoder seed gives another encoder");
        int active = 0;
        for (float v : a) {
            assertTrue(v >= 0f);
            active += v > 0 ? 1 : 0;
        }
        assertTrue(active > 5 && active < 40, "ReLU leaves some but not all features on: " + active);
    }

    @Test
    void evidenceHigherDimensionalLabelsUseUnitNormalsFixedBySeed() {
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(options(3, 5, false, 7));
        EvidenceMultitaskTask same = new EvidenceMultitaskTask(options(3, 5, false, 7));
        TrialBatch batch = task.sample(200, new SplittableRandom(55));
        assertEquals(8, Arrays.stream(batch.conditions().column("quadrant")).distinct().count(), "8 orthants");
        for (int i = 0; i < 5; i++) {
            double[] n = task.normal(i);
            assertArrayEquals(n, same.normal(i));
            assertEquals(1.0, Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]), 1e-12, "unit normal");
            int ones = 0;
            for (int b = 0; b < batch.trials(); b++) {
                double dot = 0;
                for (int k = 0; k < 3; k++) {
                    dot += n[k] * batch.conditions().get(b, "x" + k);
                }
                double label = batch.conditions().get(b, "label" + i);
                assertEquals(dot > 0 ? 1.0 : 0.0, label);
                assertEquals((float) label, batch.targets()[batch.outputIndex(b, 21, i)]);
                ones += (int) label;
            }
            assertEquals(100, ones, SIGMAS * Math.sqrt(50), "planes through the origin split the cube in half");
        }
    }

    @Test
    void evidenceAccuracyThresholdsAtOneHalfAtTheDecisionStep() {
        EvidenceMultitaskTask task = new EvidenceMultitaskTask(EvidenceMultitaskOptions.DEFAULTS);
        assertEquals(LossKind.BCE, task.defaultLoss());
        assertEquals(24, task.outputSize());
        TrialBatch batch = task.sample(16, new SplittableRandom(56));
        float[] out = new float[batch.targets().length];
        for (int i = 0; i < out.length; i++) {
            // confident and right at the decision step, confidently wrong (but masked out) elsewhere
            out[i] = batch.mask()[i] != 0 ? 0.1f + 0.8f * batch.targets()[i] : 0.99f;
        }
        assertEquals(1.0, task.accuracy(batch, out));
        for (int i = 0; i < out.length; i++) {
            out[i] = 1f - out[i];
        }
        assertEquals(0.0, task.accuracy(batch, out));
    }

    @Test
    void evidenceOptionsRejectBadValuesNamingTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EvidenceMultitaskOptions(0, 24, 0.2, 1, 20, 1, 100, 40, false, 1, 100));
        assertTrue(e.getMessage().startsWith("task.latent_dims = 0 is not allowed: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EvidenceMultitaskOptions(2, 0, 0.2, 1, 20, 1, 100, 40, false, 1, 100));
        assertTrue(e.getMessage().startsWith("task.task_count = 0 is not allowed: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EvidenceMultitaskOptions(2, 24, Double.NaN, 1, 20, 1, 100, 40, false, 1, 100));
        assertTrue(e.getMessage().startsWith("task.noise_std = NaN is not allowed: "), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new EvidenceMultitaskOptions(2, 24, 0.2, 1, 20, 1, 100, 0, false, 1, 100));
        assertTrue(e.getMessage().startsWith("task.encoder_features = 0 is not allowed: "), e.getMessage());
    }

    @Test
    void restingInputIsFixationOnAndNoEvidenceAsInTheFixationPeriod() {
        for (boolean raw : new boolean[]{false, true}) {
            EvidenceMultitaskTask task = new EvidenceMultitaskTask(options(2, 3, raw, 1));
            float[] rest = task.restingInput();
            assertEquals(task.inputSize(), rest.length);
            assertEquals("fixation", task.inputNames().get(task.evidenceSize()));
            float[] expected = new float[task.inputSize()];
            expected[task.evidenceSize()] = 1f;
            assertArrayEquals(expected, rest, "raw = " + raw);
            // the input of step 0 (fixation period) of any trial is the resting input
            TrialBatch batch = task.sample(5, new SplittableRandom(3));
            for (int b = 0; b < batch.trials(); b++) {
                float[] u = Arrays.copyOfRange(batch.inputs(), batch.inputIndex(b, 0, 0),
                        batch.inputIndex(b, 0, 0) + batch.inputSize());
                assertArrayEquals(rest, u, "trial " + b);
            }
            rest[0] = 5;
            assertEquals(0f, task.restingInput()[0], "a fresh array each call");
        }
        assertArrayEquals(new float[3], new FlipFlopTask(FlipFlopOptions.DEFAULTS).restingInput(),
                "zeros for a task without a fixation channel");
    }

    @Test
    void orthantCodeOfEveryLatentDimensionIsWrittenForDThree() {
        TrialBatch batch = new EvidenceMultitaskTask(options(3, 4, true, 2)).sample(2000, new SplittableRandom(8));
        int[] counts = new int[8];
        for (int b = 0; b < batch.trials(); b++) {
            int code = 0;
            for (int d = 0; d < 3; d++) {
                code += batch.conditions().get(b, "x" + d) < 0 ? 1 << d : 0;
            }
            assertEquals(code, batch.conditions().get(b, "quadrant"), "trial " + b);
            counts[code]++;
        }
        for (int c = 0; c < 8; c++) {
            assertTrue(Math.abs(counts[c] - 250) < SIGMAS * Math.sqrt(250 * 7.0 / 8), "orthant " + c + ": " + counts[c]);
        }
    }
}
