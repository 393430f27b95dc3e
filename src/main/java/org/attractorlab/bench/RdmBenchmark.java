package org.attractorlab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.Rdm;
import org.attractorlab.core.analysis.rsa.Rdms;
import org.ejml.data.DMatrixRMaj;

/** Timing of the RDM kernel (which runs on all cores), for the CLI bench. */
public final class RdmBenchmark {
    /** Untimed runs before the timed ones. */
    static final int WARM_UP = 6;

    private RdmBenchmark() {
    }

    /**
     * Milliseconds for a Euclidean RDM of 1000 conditions x 10000 features (random normal patterns): the median of 7
     * timed runs after {@value #WARM_UP} untimed warm-up runs, in which the JIT compiles the kernels (the first few
     * runs are up to 30% slower); {@code numpy_bench.py} does the same with one warm-up run, all NumPy needs.
     */
    public static double euclidean1000x10000() {
        return euclidean(1000, 10000, 7);
    }

    /**
     * Milliseconds for a Euclidean RDM of {@code conditions x features} random patterns, the median of
     * {@code repeats} timed runs after {@value #WARM_UP} warm-up runs (which compile the kernels). Generating the
     * data is not timed.
     */
    public static double euclidean(int conditions, int features, int repeats) {
        if (conditions < 2 || features < 1 || repeats < 1) {
            throw new IllegalArgumentException("benchmark needs >= 2 conditions, >= 1 feature and >= 1 repeat, got "
                    + conditions + ", " + features + ", " + repeats);
        }
        SplittableRandom r = new SplittableRandom(20240601L);
        DMatrixRMaj x = new DMatrixRMaj(conditions, features);
        for (int i = 0; i < x.data.length; i++) {
            x.data[i] = gaussian(r);
        }
        List<String> labels = new ArrayList<>(conditions);
        for (int i = 0; i < conditions; i++) {
            labels.add("c" + i);
        }
        for (int rep = 0; rep < WARM_UP; rep++) {
            Rdms.compute(x, labels, Distance.EUCLIDEAN);
        }
        double[] ms = new double[repeats];
        for (int rep = 0; rep < repeats; rep++) {
            long t0 = System.nanoTime();
            Rdm rdm = Rdms.compute(x, labels, Distance.EUCLIDEAN);
            long t1 = System.nanoTime();
            if (rdm.size() != conditions) {
                throw new IllegalStateException("benchmark RDM has the wrong size");
            }
            ms[rep] = (t1 - t0) / 1e6;
        }
        java.util.Arrays.sort(ms);
        return ms[repeats / 2];
    }

    private static double gaussian(SplittableRandom r) {
        double u = 1 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
