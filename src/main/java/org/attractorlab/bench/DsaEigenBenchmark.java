package org.attractorlab.bench;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.pca.Covariance;
import org.attractorlab.core.analysis.pca.TopEigen;

/**
 * The workload of DSA's eigen step at full scale ({@code bench --only dsa}, also part of {@code --only degeneracy}):
 * the top 8 eigenpairs of the scatter of a 10-delay embedding of 256-unit states (a 2560 x 2560 matrix), by the
 * dense method (Householder tridiagonalisation, once: it takes seconds) and by block Lanczos (the median of five
 * runs after a warm-up), with how far the two results are apart and the smallest gap between the top 9 eigenvalues
 * (which bounds how well any eigenvector is determined: angle about residual / gap). The states are those of a random tanh network
 * (gain 0.9) driven by Gaussian inputs, 32 trials of 100 steps; the scatter is formed as in {@code Dsa.fit}.
 */
public final class DsaEigenBenchmark {
    /** Seconds per method and the largest differences between them. */
    public record Result(int size, int pairs, double denseSeconds, double krylovSeconds, double maxValueDifference,
                         double maxVectorDifference, double smallestGap) {
    }

    private DsaEigenBenchmark() {
    }

    public static Result run() {
        int units = 256;
        int delays = 10;
        int trials = 32;
        int steps = 100;
        int k = 8;
        float[] h = states(units, trials, steps, new SplittableRandom(3));
        int d = units * delays;
        int m = steps - (delays - 1);
        float[] e = new float[trials * m * d];
        for (int b = 0; b < trials; b++) {
            for (int s = 0; s < m; s++) {
                int t = s + delays - 1;
                for (int j = 0; j < delays; j++) {
                    System.arraycopy(h, (b * steps + t - j) * units, e, ((b * m + s) * delays + j) * units, units);
                }
            }
        }
        double[] scatter = Covariance.scatter(e, d, m, trials, null, 0, m, false).matrix();
        TopEigen solver = new TopEigen(d);
        solver.top(scatter, k, TopEigen.Method.KRYLOV); // warm-up
        double[] times = new double[5];
        Covariance.Eigen krylov = null;
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            krylov = solver.top(scatter, k, TopEigen.Method.KRYLOV);
            times[i] = (System.nanoTime() - t0) / 1e9;
        }
        Arrays.sort(times);
        long t0 = System.nanoTime();
        Covariance.Eigen dense = solver.top(scatter, k + 1, TopEigen.Method.DENSE);
        double denseSeconds = (System.nanoTime() - t0) / 1e9;
        double dv = 0;
        double sin = 0;
        for (int c = 0; c < k; c++) {
            dv = Math.max(dv, Math.abs(dense.values()[c] - krylov.values()[c]) / dense.values()[0]);
            double dot = 0;
            for (int i = 0; i < d; i++) {
                dot += dense.vectors()[c * d + i] * krylov.vectors()[c * d + i];
            }
            // ||v - sign(dot) w|| (about the angle; sqrt(1 - dot^2) would floor at sqrt(eps))
            double diff = 0;
            for (int i = 0; i < d; i++) {
                double t = krylov.vectors()[c * d + i] - Math.signum(dot) * dense.vectors()[c * d + i];
                diff += t * t;
            }
            sin = Math.max(sin, Math.sqrt(diff));
        }
        double gap = Double.POSITIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            gap = Math.min(gap, (dense.values()[c] - dense.values()[c + 1]) / dense.values()[0]);
        }
        return new Result(d, k, denseSeconds, times[times.length / 2], dv, sin, gap);
    }

    /** h_{t+1} = tanh(W h_t + B u_t), W Gaussian of gain 0.9, 3 Gaussian inputs; [trials, steps, units]. */
    private static float[] states(int units, int trials, int steps, SplittableRandom rnd) {
        double[] w = new double[units * units];
        for (int i = 0; i < w.length; i++) {
            w[i] = 0.9 * rnd.nextGaussian() / Math.sqrt(units);
        }
        double[] in = new double[units * 3];
        for (int i = 0; i < in.length; i++) {
            in[i] = rnd.nextGaussian();
        }
        float[] out = new float[trials * steps * units];
        double[] x = new double[units];
        double[] nx = new double[units];
        double[] u = new double[3];
        for (int b = 0; b < trials; b++) {
            Arrays.fill(x, 0);
            for (int t = 0; t < steps; t++) {
                for (int j = 0; j < 3; j++) {
                    u[j] = rnd.nextGaussian();
                }
                for (int i = 0; i < units; i++) {
                    double v = in[i * 3] * u[0] + in[i * 3 + 1] * u[1] + in[i * 3 + 2] * u[2];
                    for (int j = 0; j < units; j++) {
                        v += w[i * units + j] * x[j];
                    }
                    nx[i] = Math.tanh(v);
                }
                System.arraycopy(nx, 0, x, 0, units);
                for (int i = 0; i < units; i++) {
                    out[(b * steps + t) * units + i] = (float) x[i];
                }
            }
        }
        return out;
    }
}
