package org.attractorlab.core.analysis.similarity;

/**
 * The linear assignment problem by the Hungarian method (Kuhn 1955, Munkres 1957), in the O(n^3) form with row and
 * column potentials and shortest augmenting paths (Jonker and Volgenant's formulation): for a square cost matrix
 * c [n, n], the permutation sigma minimising
 * <pre>
 *   sum_i c[i, sigma(i)]
 * </pre>
 * Each of the n rows is added in turn; a Dijkstra-like search over the columns, on the reduced costs
 * c[i, j] - u[i] - v[j] &gt;= 0, finds the cheapest augmenting path, and the potentials are raised so that the
 * reduced costs stay non-negative and are zero on the assignment. Ties are broken towards the lower column index, so
 * the answer is deterministic. Used to match the units of two networks before their weights are compared.
 */
public final class Hungarian {

    private Hungarian() {
    }

    /**
     * The minimum-cost assignment of rows to columns.
     *
     * @param n    rows and columns, &gt;= 1
     * @param cost [n, n] row-major, finite; not modified
     * @return sigma [n]: row i goes to column sigma[i], a permutation of 0..n-1
     * @throws IllegalArgumentException if the sizes disagree or a cost is NaN or infinite
     */
    public static int[] solve(int n, double[] cost) {
        if (n < 1 || cost == null || cost.length != (long) n * n) {
            throw new IllegalArgumentException("the assignment needs an n x n cost matrix with n >= 1, got n = " + n
                    + " and " + (cost == null ? "no" : cost.length) + " costs");
        }
        for (int i = 0; i < cost.length; i++) {
            if (!Double.isFinite(cost[i])) {
                throw new IllegalArgumentException("the assignment needs finite costs, got " + cost[i] + " at row "
                        + i / n + ", column " + i % n);
            }
        }
        // 1-based arrays; column 0 is the virtual start of each augmenting path
        double[] u = new double[n + 1];
        double[] v = new double[n + 1];
        int[] rowOf = new int[n + 1];   // rowOf[j]: the row assigned to column j (0: none)
        int[] way = new int[n + 1];     // way[j]: the previous column on the shortest path to j
        double[] minv = new double[n + 1];
        boolean[] used = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            java.util.Arrays.fill(minv, Double.POSITIVE_INFINITY);
            java.util.Arrays.fill(used, false);
            do {
                used[j0] = true;
                int i0 = rowOf[j0];
                int row = (i0 - 1) * n;
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                for (int j = 1; j <= n; j++) {
                    if (!used[j]) {
                        double cur = cost[row + j - 1] - u[i0] - v[j];
                        if (cur < minv[j]) {
                            minv[j] = cur;
                            way[j] = j0;
                        }
                        if (minv[j] < delta) {
                            delta = minv[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (used[j]) {
                        u[rowOf[j]] += delta;
                        v[j] -= delta;
                    } else {
                        minv[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do {
                int j1 = way[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] sigma = new int[n];
        for (int j = 1; j <= n; j++) {
            sigma[rowOf[j] - 1] = j - 1;
        }
        return sigma;
    }

    /** sum_i cost[i, sigma(i)]. Neither argument is modified. */
    public static double total(int n, double[] cost, int[] sigma) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += cost[i * n + sigma[i]];
        }
        return s;
    }
}
