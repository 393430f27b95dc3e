package org.attractorlab.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Path integration: an agent random-walks in a square arena; the network receives its velocity and, at t = 0, its
 * start position, and reports where it is.
 *
 * <p>Walk. The arena is [-L/2, L/2]^2. The start position is uniform in the arena, the heading theta uniform in
 * [0, 2 pi). Speed and angular velocity are Ornstein-Uhlenbeck processes, advanced once per step of dt seconds
 * with the exact discretisation {@code s <- mu + (s - mu) a + sd sqrt(1 - a^2) xi}, {@code a = exp(-dt / tau)}:
 * speed around {@code meanSpeed} with std {@code speedStd} (reflected at 0, s = |s|), angular velocity omega around 0
 * with std {@code turnStd}; {@code theta <- theta + omega dt} (the first step uses the initial draws). Boundary
 * avoidance (after Sorscher et al.): within {@code borderMargin} of a wall, a heading component into that wall is
 * removed, so the agent turns parallel to the wall, and the speed of that step is multiplied by
 * {@code borderSlowdown}. Should a step still leave the arena (a very fast step), its velocity component across
 * that wall is reflected, and if that is not enough, shortened to end on the wall. The velocity of step t is
 * {@code v_t}, and the position after it is {@code p_t = p_start + dt sum_{s <= t} v_s}: always in the arena.
 *
 * <p>Inputs: {@code v_x, v_y} (cartesian) or {@code speed, cos_heading, sin_heading} of v_t (polar; the heading of
 * a zero velocity is the walk's heading), then {@code start_x, start_y}, the start position at t = 0 and 0 after.
 * Outputs: {@code x, y} = p_t (position), or place cells {@code place0..place(G^2-1)} with activity
 * {@code exp(-|p_t - c_k|^2 / (2 sigma^2))} around centres {@code c_k} on a G x G grid, {@code c = -L/2 + (j + 1/2)
 * L / G}, cell k = j_y G + j_x (place_cells). Every step is masked in; loss MSE on a linear readout.
 *
 * <p>Conditions: {@code start_quadrant} (0 = (+,+), 1 = (-,+), 2 = (+,-), 3 = (-,-); first, so that panes
 * group by it by default), {@code start_x, start_y, end_x, end_y, mean_speed}, then the whole path, {@code x_t0..x_t(T-1)} and {@code y_t0..y_t(T-1)}, for spatial
 * rate maps ({@link #path}).
 *
 * <p>Accuracy: the fraction of steps whose reported position (the output, or the place code decoded with
 * {@link #decode}) lies within {@link #ACCURACY_RADIUS} x L of the true position.
 */
public final class PathIntegrationTask extends AbstractTask {
    public static final String NAME = "path-integration";
    /** Prefix of the per-step x position columns, {@code x_t0..}. */
    public static final String X_COLUMN = "x_t";
    /** Prefix of the per-step y position columns, {@code y_t0..}. */
    public static final String Y_COLUMN = "y_t";
    /** A reported position within this fraction of the arena side counts as correct. */
    public static final double ACCURACY_RADIUS = 0.05;

    private static final int HEAD = 6;

    private final PathIntegrationOptions options;
    private final int velocitySize;
    /** Place-cell centres, [G^2][2]; null for position outputs. */
    private final double[][] centres;
    private final List<String> conditionNames;

    public PathIntegrationTask(PathIntegrationOptions options) {
        super(NAME, inputNames(Objects.requireNonNull(options, "options")), outputNames(options),
                options.trialSteps(), options.dtMillis(), LossKind.MSE);
        this.options = options;
        this.velocitySize = options.velocityInput() == VelocityInput.CARTESIAN ? 2 : 3;
        if (options.output() == PositionOutput.PLACE_CELLS) {
            int g = options.placeGrid();
            centres = new double[g * g][];
            for (int jy = 0; jy < g; jy++) {
                for (int jx = 0; jx < g; jx++) {
                    centres[jy * g + jx] = new double[]{centre(jx), centre(jy)};
                }
            }
        } else {
            centres = null;
        }
        List<String> names = new ArrayList<>(List.of("start_quadrant", "start_x", "start_y", "end_x",
                "end_y", "mean_speed"));
        for (int t = 0; t < options.trialSteps(); t++) {
            names.add(X_COLUMN + t);
        }
        for (int t = 0; t < options.trialSteps(); t++) {
            names.add(Y_COLUMN + t);
        }
        this.conditionNames = List.copyOf(names);
    }

    private static List<String> inputNames(PathIntegrationOptions options) {
        List<String> in = new ArrayList<>(options.velocityInput() == VelocityInput.CARTESIAN
                ? List.of("v_x", "v_y") : List.of("speed", "cos_heading", "sin_heading"));
        in.add("start_x");
        in.add("start_y");
        return in;
    }

    private static List<String> outputNames(PathIntegrationOptions options) {
        return options.output() == PositionOutput.POSITION ? List.of("x", "y")
                : Checks.numbered("place", options.placeGrid() * options.placeGrid());
    }

    private double centre(int j) {
        double l = options.arenaSize();
        return -l / 2 + (j + 0.5) * l / options.placeGrid();
    }

    public PathIntegrationOptions options() {
        return options;
    }

    /** Velocity inputs (2 cartesian, 3 polar); the start position follows them. */
    public int velocitySize() {
        return velocitySize;
    }

    /** The centre of place cell k as {x, y}. */
    public double[] placeCentre(int k) {
        if (centres == null) {
            throw new IllegalStateException("task.output = position has no place cells");
        }
        return centres[k].clone();
    }

    @Override
    public TrialBatch sample(int trials, SplittableRandom rng) {
        Checks.sampleArguments(trials, rng);
        int steps = options.trialSteps();
        int in = inputSize();
        int out = outputSize();
        double half = options.arenaSize() / 2;
        double dt = options.dtMillis() / 1000.0;
        double margin = options.borderMargin();
        double mu = options.meanSpeed();
        double aS = Math.exp(-options.dtMillis() / options.speedTauMillis());
        double aW = Math.exp(-options.dtMillis() / options.turnTauMillis());
        double speedKick = options.speedStd() * Math.sqrt(1 - aS * aS);
        double turnKick = options.turnStd() * Math.sqrt(1 - aW * aW);
        float[] inputs = new float[trials * steps * in];
        float[] targets = new float[trials * steps * out];
        float[] mask = new float[targets.length];
        java.util.Arrays.fill(mask, 1f);
        double[][] columns = new double[conditionNames.size()][trials];
        for (int b = 0; b < trials; b++) {
            double x = (2 * rng.nextDouble() - 1) * half;
            double y = (2 * rng.nextDouble() - 1) * half;
            columns[0][b] = (x < 0 ? 1 : 0) + (y < 0 ? 2 : 0);
            columns[1][b] = x;
            columns[2][b] = y;
            double theta = 2 * Math.PI * rng.nextDouble();
            double s = Math.abs(mu + options.speedStd() * rng.nextGaussian());
            double omega = options.turnStd() * rng.nextGaussian();
            double distance = 0;
            int row0 = b * steps * in;
            inputs[row0 + velocitySize] = (float) x;
            inputs[row0 + velocitySize + 1] = (float) y;
            for (int t = 0; t < steps; t++) {
                if (t > 0) {
                    s = Math.abs(mu + (s - mu) * aS + speedKick * rng.nextGaussian());
                    omega = omega * aW + turnKick * rng.nextGaussian();
                    theta += omega * dt;
                }
                double ux = Math.cos(theta);
                double uy = Math.sin(theta);
                double speed = s;
                boolean near = false;
                if ((x > half - margin && ux > 0) || (x < -half + margin && ux < 0)) {
                    ux = 0;
                    near = true;
                }
                if ((y > half - margin && uy > 0) || (y < -half + margin && uy < 0)) {
                    uy = 0;
                    near = true;
                }
                if (near) {
                    if (ux == 0 && uy == 0) {
                        // heading into a corner: leave it along x, away from the nearer side wall
                        ux = x > 0 ? -1 : 1;
                    }
                    theta = Math.atan2(uy, ux);
                    ux = Math.cos(theta);
                    uy = Math.sin(theta);
                    speed *= options.borderSlowdown();
                }
                double vx = speed * ux;
                double vy = speed * uy;
                vx = keepInside(x, vx, half, dt);
                vy = keepInside(y, vy, half, dt);
                if (vx != speed * ux || vy != speed * uy) {
                    theta = Math.atan2(vy, vx);
                }
                x = Math.min(half, Math.max(-half, x + vx * dt));
                y = Math.min(half, Math.max(-half, y + vy * dt));
                double v = Math.hypot(vx, vy);
                distance += v;
                int row = row0 + t * in;
                if (velocitySize == 2) {
                    inputs[row] = (float) vx;
                    inputs[row + 1] = (float) vy;
                } else {
                    double heading = v > 0 ? Math.atan2(vy, vx) : theta;
                    inputs[row] = (float) v;
                    inputs[row + 1] = (float) Math.cos(heading);
                    inputs[row + 2] = (float) Math.sin(heading);
                }
                writeTarget(targets, (b * steps + t) * out, x, y);
                columns[HEAD + t][b] = x;
                columns[HEAD + steps + t][b] = y;
            }
            columns[3][b] = x;
            columns[4][b] = y;
            columns[5][b] = distance / steps;
        }
        return new TrialBatch(trials, steps, in, out, inputs, targets, mask,
                new ConditionTable(conditionNames, columns));
    }

    /** A velocity component that keeps {@code p + v dt} in [-half, half]: reflected, else shortened. */
    private static double keepInside(double p, double v, double half, double dt) {
        double next = p + v * dt;
        if (next > half || next < -half) {
            v = -v;
            next = p + v * dt;
            if (next > half || next < -half) {
                v = ((next > half ? half : -half) - p) / dt;
            }
        }
        return v;
    }

    private void writeTarget(float[] targets, int offset, double x, double y) {
        if (centres == null) {
            targets[offset] = (float) x;
            targets[offset + 1] = (float) y;
            return;
        }
        double inv = 1 / (2 * options.placeSigma() * options.placeSigma());
        for (int k = 0; k < centres.length; k++) {
            double dx = x - centres[k][0];
            double dy = y - centres[k][1];
            targets[offset + k] = (float) Math.exp(-(dx * dx + dy * dy) * inv);
        }
    }

    /**
     * The position a place code stands for. With a_k = exp(-|p - c_k|^2 / (2 sigma^2)), the log ratio to the most
     * active cell r is linear in p: {@code p . (c_k - c_r) = sigma^2 (ln a_k - ln a_r) + (|c_k|^2 - |c_r|^2) / 2};
     * p is the least-squares solution over the cells with a_k above 1% of a_r. Falls back to the activity-weighted
     * mean of the centres when fewer than two independent directions are active. For position outputs it returns
     * the two values.
     *
     * @param code   outputs or targets, not modified
     * @param offset index of the step's first output in {@code code}
     * @return {x, y}
     */
    public double[] decode(float[] code, int offset) {
        if (centres == null) {
            return new double[]{code[offset], code[offset + 1]};
        }
        int r = 0;
        for (int k = 1; k < centres.length; k++) {
            if (code[offset + k] > code[offset + r]) {
                r = k;
            }
        }
        double ar = code[offset + r];
        if (!(ar > 0)) {
            return centres[r].clone();
        }
        double s2 = options.placeSigma() * options.placeSigma();
        double lr = Math.log(ar);
        double cr2 = centres[r][0] * centres[r][0] + centres[r][1] * centres[r][1];
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        double bx = 0;
        double by = 0;
        double wsum = 0;
        double mx = 0;
        double my = 0;
        for (int k = 0; k < centres.length; k++) {
            double a = code[offset + k];
            if (!(a > 0.01 * ar)) {
                continue;
            }
            wsum += a;
            mx += a * centres[k][0];
            my += a * centres[k][1];
            if (k == r) {
                continue;
            }
            double dx = centres[k][0] - centres[r][0];
            double dy = centres[k][1] - centres[r][1];
            double rhs = s2 * (Math.log(a) - lr) + (centres[k][0] * centres[k][0] + centres[k][1] * centres[k][1]
                    - cr2) / 2;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
            bx += dx * rhs;
            by += dy * rhs;
        }
        double det = sxx * syy - sxy * sxy;
        if (det > 1e-12 * Math.max(1, (sxx + syy) * (sxx + syy))) {
            return new double[]{(syy * bx - sxy * by) / det, (sxx * by - sxy * bx) / det};
        }
        return new double[]{mx / wsum, my / wsum};
    }

    /** The path of one trial from a condition table of this task: [T][2] positions {x_t, y_t}. */
    public static double[][] path(ConditionTable conditions, int trial) {
        List<double[]> points = new ArrayList<>();
        for (int t = 0; conditions.has(X_COLUMN + t); t++) {
            points.add(new double[]{conditions.get(trial, X_COLUMN + t), conditions.get(trial, Y_COLUMN + t)});
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the condition table has no path columns " + X_COLUMN + "0.."
                    + "; it is not from the path-integration task");
        }
        return points.toArray(new double[0][]);
    }

    @Override
    public double accuracy(TrialBatch batch, float[] outputs) {
        Checks.outputs(batch, outputs);
        double radius = ACCURACY_RADIUS * options.arenaSize();
        int out = batch.outputSize();
        long correct = 0;
        long n = (long) batch.trials() * batch.steps();
        for (int r = 0; r < n; r++) {
            double[] got = decode(outputs, r * out);
            double[] want = decode(batch.targets(), r * out);
            if (Math.hypot(got[0] - want[0], got[1] - want[1]) <= radius) {
                correct++;
            }
        }
        return correct / (double) n;
    }
}
