package org.attractorlab.core.analysis.decode;

/**
 * Limited-memory BFGS (Nocedal &amp; Wright, Algorithm 7.4/7.5) with a backtracking Armijo line search, for smooth
 * convex objectives. Deterministic. Curvature pairs with s^T y &lt;= 1e-12 |s| |y| are not stored.
 */
final class Lbfgs {
    /** f and its gradient. */
    interface Objective {
        /**
         * @param x    the point, not modified
         * @param grad modified: receives the gradient at x
         * @return f(x)
         */
        double evaluate(double[] x, double[] grad);
    }

    /**
     * @param value      f at the returned point
     * @param gradInf    max |g_i| there
     * @param iterations number of iterations taken
     * @param converged  true if max |g_i| &lt;= the tolerance (or f stopped decreasing at machine precision with a
     *                   gradient within 1e3 times the tolerance)
     */
    record Result(double value, double gradInf, int iterations, boolean converged) {
    }

    private static final double ARMIJO = 1e-4;
    private static final int MAX_BACKTRACKS = 60;

    private Lbfgs() {
    }

    /**
     * Minimises f from x.
     *
     * @param x       modified: the start on entry, the minimiser on exit
     * @param memory  number of curvature pairs kept (e.g. 10)
     * @param maxIter iteration limit
     * @param gradTol stop when max |g_i| &lt;= gradTol
     */
    static Result minimize(Objective f, double[] x, int memory, int maxIter, double gradTol) {
        int n = x.length;
        double[][] s = new double[memory][n];
        double[][] y = new double[memory][n];
        double[] rho = new double[memory];
        double[] alpha = new double[memory];
        double[] g = new double[n];
        double[] gNew = new double[n];
        double[] d = new double[n];
        double[] xNew = new double[n];
        double fx = f.evaluate(x, g);
        int stored = 0;
        int head = 0; // next slot to write
        int iter = 0;
        double gInf = infNorm(g);
        while (gInf > gradTol && iter < maxIter) {
            // two-loop recursion: d = -H g
            for (int i = 0; i < n; i++) {
                d[i] = -g[i];
            }
            for (int k = 0; k < stored; k++) {
                int slot = Math.floorMod(head - 1 - k, memory);
                alpha[slot] = rho[slot] * dot(s[slot], d);
                axpy(-alpha[slot], y[slot], d);
            }
            double gamma;
            if (stored > 0) {
                int last = Math.floorMod(head - 1, memory);
                gamma = dot(s[last], y[last]) / dot(y[last], y[last]);
            } else {
                gamma = 1.0 / Math.max(1e-300, Math.sqrt(dot(g, g)));
            }
            for (int i = 0; i < n; i++) {
                d[i] *= gamma;
            }
            for (int k = stored - 1; k >= 0; k--) {
                int slot = Math.floorMod(head - 1 - k, memory);
                double beta = rho[slot] * dot(y[slot], d);
                axpy(alpha[slot] - beta, s[slot], d);
            }
            double slope = dot(g, d);
            if (!(slope < 0)) { // not a descent direction (numerical trouble): restart from steepest descent
                stored = 0;
                double norm = Math.sqrt(dot(g, g));
                for (int i = 0; i < n; i++) {
                    d[i] = -g[i] / norm;
                }
                slope = dot(g, d);
            }
            double step = 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int b = 0; b < MAX_BACKTRACKS; b++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = x[i] + step * d[i];
                }
                fNew = f.evaluate(xNew, gNew);
                if (fNew <= fx + ARMIJO * step * slope) {
                    accepted = true;
                    break;
                }
                step *= 0.5;
            }
            iter++;
            if (!accepted || !(fNew < fx)) {
                // no decrease possible at machine precision
                return new Result(fx, gInf, iter, gInf <= 1e3 * gradTol);
            }
            double[] sk = s[head];
            double[] yk = y[head];
            for (int i = 0; i < n; i++) {
                sk[i] = xNew[i] - x[i];
                yk[i] = gNew[i] - g[i];
            }
            double sy = dot(sk, yk);
            if (sy > 1e-12 * Math.sqrt(dot(sk, sk) * dot(yk, yk))) {
                rho[head] = 1.0 / sy;
                head = (head + 1) % memory;
                stored = Math.min(stored + 1, memory);
            }
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            gInf = infNorm(g);
        }
        return new Result(fx, gInf, iter, gInf <= gradTol);
    }

    static double dot(double[] a, double[] b) {
        return org.attractorlab.core.tensor.DVec.dot(a.length, a, 0, b, 0);
    }

    private static void axpy(double a, double[] x, double[] y) {
        org.attractorlab.core.tensor.DVec.axpy(x.length, a, x, 0, y, 0);
    }

    private static double infNorm(double[] v) {
        double m = 0;
        for (double d : v) {
            m = Math.max(m, Math.abs(d));
        }
        return m;
    }
}
