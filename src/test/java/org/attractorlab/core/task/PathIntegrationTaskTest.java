package org.attractorlab.core.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PathIntegrationTaskTest {
    /** float32 inputs summed over 200 steps against a double-precision walk. */
    private static final double INTEGRATION_TOL = 1e-4;

    private static PathIntegrationOptions options(int steps, VelocityInput in, PositionOutput out, double speed) {
        PathIntegrationOptions d = PathIntegrationOptions.DEFAULTS;
        return new PathIntegrationOptions(steps, d.arenaSize(), speed, d.speedStd(), d.speedTauMillis(), d.turnStd(),
                d.turnTauMillis(), d.borderMargin(), d.borderSlowdown(), in, out, d.placeGrid(), d.placeSigma(),
                d.dtMillis());
    }

    /** The position by integrating the velocity inputs: start + dt * cumulative sum. */
    private static double[][] integrate(PathIntegrationTask task, TrialBatch batch, int b) {
        double dt = task.dtMillis() / 1000;
        int v = task.velocitySize();
        double x = batch.inputs()[batch.inputIndex(b, 0, v)];
        double y = batch.inputs()[batch.inputIndex(b, 0, v + 1)];
        double[][] path = new double[batch.steps()][];
        for (int t = 0; t < batch.steps(); t++) {
            float[] in = batch.inputs();
            double vx;
            double vy;
            if (v == 2) {
                vx = in[batch.inputIndex(b, t, 0)];
                vy = in[batch.inputIndex(b, t, 1)];
            } else {
                double speed = in[batch.inputIndex(b, t, 0)];
                vx = speed * in[batch.inputIndex(b, t, 1)];
                vy = speed * in[batch.inputIndex(b, t, 2)];
            }
            x += vx * dt;
            y += vy * dt;
            path[t] = new double[]{x, y};
        }
        return path;
    }

    @Test
    void positionTargetsAreTheIntegratedVelocityFromTheStartForBothInputForms() {
        for (VelocityInput form : VelocityInput.values()) {
            PathIntegrationTask task = new PathIntegrationTask(options(200, form, PositionOutput.POSITION, 0.4));
            TrialBatch batch = task.sample(64, new SplittableRandom(91));
            for (int b = 0; b < batch.trials(); b++) {
                assertEquals(batch.conditions().get(b, "start_x"),
                        batch.inputs()[batch.inputIndex(b, 0, task.velocitySize())], 1e-6);
                double sx = batch.conditions().get(b, "start_x");
                double sy = batch.conditions().get(b, "start_y");
                assertEquals((sx < 0 ? 1 : 0) + (sy < 0 ? 2 : 0), batch.conditions().get(b, "start_quadrant"));
                double[][] path = integrate(task, batch, b);
                double[][] recorded = PathIntegrationTask.path(batch.conditions(), b);
                for (int t = 0; t < batch.steps(); t++) {
                    assertEquals(path[t][0], batch.targets()[batch.outputIndex(b, t, 0)], INTEGRATION_TOL, form + " x t=" + t);
                    assertEquals(path[t][1], batch.targets()[batch.outputIndex(b, t, 1)], INTEGRATION_TOL, form + " y t=" + t);
                    assertEquals(path[t][0], recorded[t][0], INTEGRATION_TOL, "condition x_t" + t);
                    assertEquals(path[t][1], recorded[t][1], INTEGRATION_TOL, "condition y_t" + t);
                    if (t > 0) {
                        assertEquals(0f, batch.inputs()[batch.inputIndex(b, t, task.velocitySize())],
                                "start position only at t = 0");
                    }
                }
                assertEquals(recorded[199][0], batch.conditions().get(b, "end_x"), 1e-12);
            }
        }
    }

    @Test
    void theWalkStaysInsideTheArenaEvenWhenFastAndCoversIt() {
        // a fast walk hits the walls often; the reflection rule must still keep it in
        for (double speed : new double[]{0.4, 6.0}) {
            PathIntegrationTask task = new PathIntegrationTask(options(300, VelocityInput.CARTESIAN,
                    PositionOutput.POSITION, speed));
            TrialBatch batch = task.sample(100, new SplittableRandom(92));
            int[] quadrantVisits = new int[4];
            for (int b = 0; b < batch.trials(); b++) {
                for (double[] p : PathIntegrationTask.path(batch.conditions(), b)) {
                    assertTrue(Math.abs(p[0]) <= 1.0 && Math.abs(p[1]) <= 1.0, "inside [-1, 1]^2: " + p[0] + ", " + p[1]);
                    quadrantVisits[(p[0] < 0 ? 1 : 0) + (p[1] < 0 ? 2 : 0)]++;
                }
            }
            for (int q : quadrantVisits) {
                assertTrue(q > 100 * 300 / 4 * 0.7, "every quadrant is visited: " + java.util.Arrays.toString(quadrantVisits));
            }
        }
    }

    @Test
    void velocityIsSmoothAndSpeedHasTheRequestedMean() {
        PathIntegrationTask task = new PathIntegrationTask(options(400, VelocityInput.POLAR, PositionOutput.POSITION, 0.4));
        TrialBatch batch = task.sample(50, new SplittableRandom(93));
        double turn = 0;
        double speedSum = 0;
        long n = 0;
        for (int b = 0; b < batch.trials(); b++) {
            for (int t = 1; t < batch.steps(); t++) {
                double c0 = batch.inputs()[batch.inputIndex(b, t - 1, 1)];
                double s0 = batch.inputs()[batch.inputIndex(b, t - 1, 2)];
                double c1 = batch.inputs()[batch.inputIndex(b, t, 1)];
                double s1 = batch.inputs()[batch.inputIndex(b, t, 2)];
                turn += Math.abs(Math.atan2(c0 * s1 - s0 * c1, c0 * c1 + s0 * s1));
                speedSum += batch.inputs()[batch.inputIndex(b, t, 0)];
                n++;
            }
        }
        // OU angular velocity with std 2 rad/s at dt = 0.1 s turns about 0.16 rad per step away from walls
        assertTrue(turn / n < 0.35, "mean heading change per step " + turn / n);
        // the wall slowdown lowers the mean below 0.4; the OU speed keeps it near it
        assertTrue(speedSum / n > 0.25 && speedSum / n < 0.45, "mean speed " + speedSum / n);
    }

    @Test
    void placeCodeIsGaussianAroundGridCentresAndDecodesBackToThePosition() {
        PathIntegrationTask task = new PathIntegrationTask(options(50, VelocityInput.CARTESIAN,
                PositionOutput.PLACE_CELLS, 0.4));
        assertEquals(64, task.outputSize());
        assertEquals(List.of(-0.875, -0.875), List.of(task.placeCentre(0)[0], task.placeCentre(0)[1]));
        assertEquals(List.of(-0.625, -0.875), List.of(task.placeCentre(1)[0], task.placeCentre(1)[1]),
                "cell k = j_y G + j_x");
        TrialBatch batch = task.sample(40, new SplittableRandom(94));
        double worst = 0;
        for (int b = 0; b < batch.trials(); b++) {
            double[][] path = PathIntegrationTask.path(batch.conditions(), b);
            for (int t = 0; t < batch.steps(); t++) {
                int o = batch.outputIndex(b, t, 0);
                double[] c = task.placeCentre(27);
                double d2 = Math.pow(path[t][0] - c[0], 2) + Math.pow(path[t][1] - c[1], 2);
                assertEquals(Math.exp(-d2 / (2 * 0.25 * 0.25)), batch.targets()[o + 27], 1e-6, "cell 27 tuning");
                double[] decoded = task.decode(batch.targets(), o);
                worst = Math.max(worst, Math.hypot(decoded[0] - path[t][0], decoded[1] - path[t][1]));
            }
        }
        assertTrue(worst < 1e-4, "decoding error " + worst);
        assertEquals(1.0, task.accuracy(batch, batch.targets()));
    }

    @Test
    void accuracyCountsStepsWithinFivePercentOfTheArena() {
        PathIntegrationTask task = new PathIntegrationTask(options(20, VelocityInput.CARTESIAN,
                PositionOutput.POSITION, 0.4));
        TrialBatch batch = task.sample(10, new SplittableRandom(95));
        float[] out = batch.targets().clone();
        for (int b = 0; b < 10; b++) {
            for (int t = 0; t < 10; t++) {
                out[batch.outputIndex(b, t, 0)] += 0.2f; // 0.2 > 0.05 * 2
            }
            out[batch.outputIndex(b, 15, 1)] += 0.05f; // within 0.1
        }
        assertEquals(0.5, task.accuracy(batch, out), 1e-12);
    }

    @Test
    void optionsRefuseAMarginThatFillsTheArena() {
        PathIntegrationOptions d = PathIntegrationOptions.DEFAULTS;
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PathIntegrationOptions(
                100, 2.0, 0.4, 0.1, 1000, 2, 500, 1.0, 0.25, VelocityInput.POLAR, PositionOutput.POSITION, 8, 0.25,
                d.dtMillis()));
        assertTrue(e.getMessage().startsWith("task.border_margin = 1.0"), e.getMessage());
    }
}
