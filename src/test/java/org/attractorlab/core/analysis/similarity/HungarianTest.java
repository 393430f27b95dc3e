package org.attractorlab.core.analysis.similarity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HungarianTest {
    private static final double EXACT = 1e-9;

    /** The least total cost over all n! permutations. */
    private static double bruteForce(int n, double[] cost) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        double best = Double.POSITIVE_INFINITY;
        do {
            best = Math.min(best, Hungarian.total(n, cost, perm));
        } while (nextPermutation(perm));
        return best;
    }

    private static boolean nextPermutation(int[] a) {
        int i = a.length - 2;
        while (i >= 0 && a[i] >= a[i + 1]) {
            i--;
        }
        if (i < 0) {
            return false;
        }
        int j = a.length - 1;
        while (a[j] <= a[i]) {
            j--;
        }
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
        for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
            t = a[l];
            a[l] = a[r];
            a[r] = t;
        }
        return true;
    }

    private static void assertPermutation(int n, int[] sigma) {
        boolean[] seen = new boolean[n];
        for (int s : sigma) {
            assertTrue(s >= 0 && s < n && !seen[s], "not a permutation");
            seen[s] = true;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7})
    void theAssignmentCostsAsLittleAsTheBestOfAllPermutations(int n) {
        SplittableRandom r = new SplittableRandom(100 + n);
        for (int trial = 0; trial < 20; trial++) {
            double[] cost = new double[n * n];
            for (int i = 0; i < cost.length; i++) {
                // real costs, and small integers (many ties) every other trial, some negative
                cost[i] = trial % 2 == 0 ? Random.gaussian(r) * 10 : r.nextInt(4) - 1;
            }
            int[] sigma = Hungarian.solve(n, cost);
            assertPermutation(n, sigma);
            assertEquals(bruteForce(n, cost), Hungarian.total(n, cost, sigma), EXACT, "n = " + n + ", trial " + trial);
        }
    }

    @Test
    void aPermutedIdentityCostIsUndoneExactly() {
        int n = 40;
        SplittableRandom r = new SplittableRandom(7);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        double[] cost = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                cost[i * n + j] = j == p[i] ? 0 : 1 + r.nextDouble();
            }
        }
        assertArrayEquals(p, Hungarian.solve(n, cost));
    }

    @Test
    void aCostThatIsNotFiniteOrNotSquareIsRefused() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Hungarian.solve(2, new double[]{0, Double.NaN, 1, 2}));
        assertTrue(nan.getMessage().contains("row 0, column 1"), nan.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Hungarian.solve(3, new double[4]));
    }
}
