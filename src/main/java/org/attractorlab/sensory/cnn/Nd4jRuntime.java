package org.attractorlab.sensory.cnn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * The one door to ND4J. Nothing outside this package touches ND4J, and inside it every public entry point calls
 * {@link #start()} first, so the rest of the app (GUI, {@code train}, {@code analyze}) never loads a single ND4J
 * class and never pays its start-up cost (native library loading, about a second).
 *
 * <p>Our own engine already keeps the cores busy, so ND4J runs on <em>one</em> thread. libnd4j sizes its own thread
 * pool from {@code OMP_NUM_THREADS} when the native library loads (in 1.0.0-M2.1 {@code Environment.setMaxThreads}
 * has no effect afterwards), so the launcher and the test JVM export {@code OMP_NUM_THREADS=1}; here we also set
 * the OpenMP ({@code setOmpNumThreads}), BLAS ({@code Nd4jBlas.setMaxThreads}) and master-thread limits, which do
 * take effect after loading, and warn when the variable was missing (an IDE, a custom launcher).
 */
final class Nd4jRuntime {
    /** Threads ND4J may use: one, so that it never competes with the engine's workers. */
    static final int THREADS = 1;

    private static volatile boolean started;

    private Nd4jRuntime() {
    }

    /** Loads ND4J's CPU backend (once) and limits it to {@link #THREADS} thread. Safe to call repeatedly. */
    static void start() {
        if (started) {
            return;
        }
        synchronized (Nd4jRuntime.class) {
            if (started) {
                return;
            }
            Nd4j.getEnvironment().setMaxThreads(THREADS);
            Nd4j.getEnvironment().setMaxMasterThreads(THREADS);
            NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(THREADS);
            Nd4j.factory().blas().setMaxThreads(THREADS);
            Nd4j.getMemoryManager().togglePeriodicGc(false);
            int pool = Nd4j.getEnvironment().maxThreads();
            if (pool > THREADS) {
                org.slf4j.LoggerFactory.getLogger(Nd4jRuntime.class).warn("ND4J's thread pool has {} threads; start "
                        + "Java with OMP_NUM_THREADS=1 (the attractor-lab launcher does) to keep it to one", pool);
            }
            started = true;
        }
    }

    /** The thread limits ND4J reports now: libnd4j threads, OpenMP threads, BLAS threads (for tests and logs). */
    static int[] threadLimits() {
        start();
        return new int[]{Nd4j.getEnvironment().maxThreads(),
                NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                Nd4j.factory().blas().getMaxThreads()};
    }
}
