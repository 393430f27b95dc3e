package org.attractorlab.app.session;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.PcaAlignment;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.TrialBatch;

/**
 * Recomputes the analyses for parameter snapshots on its own thread, so training never waits for it and the FX
 * thread never computes. The thread computes its first frame at normal priority (the window waits for it, and at
 * a new session's start nothing trains yet), then, or as soon as training starts ({@link #settle()}), at
 * {@link org.attractorlab.app.fx.LatestJob#ANALYSIS_PRIORITY}. Only the latest request matters: a request that
 * arrives while one is being computed replaces any request still waiting. Results are picked up with
 * {@link #poll()} once per frame.
 */
public final class LiveAnalysis implements AutoCloseable {
    /** Trials in the probe batch. */
    public static final int PROBE_TRIALS = Probe.TRIALS;

    private final Network network;
    private final Experiment experiment;
    /** Drawn by the first frame, on the analysis thread (the window's start does not wait for it). */
    private TrialBatch probe;
    private final ExecutorService executor;
    private final AtomicReference<Request> pending = new AtomicReference<>();
    private final AtomicReference<Request> pendingHistory = new AtomicReference<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicReference<AnalysisFrame> latest = new AtomicReference<>();
    private volatile PcaResult previousBasis;
    private volatile boolean closed;
    /** The thread computing frames, once it has started; lowered to the analysis priority by {@link #settle()}. */
    private volatile Thread worker;
    private volatile boolean settled;
    /** Gets the first live frame on this thread as soon as it is computed (see {@link #onFirstFrame}), or null. */
    private volatile java.util.function.Consumer<AnalysisFrame> firstFrame;
    private boolean firstDone;
    private final AtomicReference<String> error = new AtomicReference<>();

    /** Orders the requests: when a live and a past snapshot wait together, the one asked for last is shown. */
    private final java.util.concurrent.atomic.AtomicLong requests = new java.util.concurrent.atomic.AtomicLong();

    private record Request(TrainingService.Snapshot snapshot, PcaResult reference, long order) {
    }

    public LiveAnalysis(Experiment experiment) {
        this.network = experiment.network().copy();
        this.experiment = experiment;
        // the first frame (what the window opens on) is computed at normal priority, then the thread steps down
        this.executor = org.attractorlab.app.fx.Workers.single("attractor-lab-analysis", Thread.NORM_PRIORITY);
    }

    /** The probe batch every frame is computed on (drawn on first use; any thread). */
    public synchronized TrialBatch probe() {
        if (probe == null) {
            probe = Probe.batch(experiment, PROBE_TRIALS);
        }
        return probe;
    }

    /** Asks for the analyses of a live training snapshot (any thread). */
    public void submit(TrainingService.Snapshot snapshot) {
        pending.set(new Request(snapshot, null, requests.incrementAndGet()));
        schedule();
    }

    /** Forgets the live snapshot still waiting to be analysed, if any (any thread). */
    public void cancelLive() {
        pending.set(null);
    }

    /** Asks for the analyses of a past snapshot, projected on {@code reference}'s basis (any thread). */
    public void submitHistory(TrainingService.Snapshot snapshot, PcaResult reference) {
        pendingHistory.set(new Request(snapshot, reference, requests.incrementAndGet()));
        schedule();
    }

    private void schedule() {
        if (!closed && scheduled.compareAndSet(false, true)) {
            executor.execute(this::work);
        }
    }

    /**
     * From now on frames are computed at {@link org.attractorlab.app.fx.LatestJob#ANALYSIS_PRIORITY}, below
     * training and the FX thread, including one being computed now. Any thread.
     */
    public void settle() {
        settled = true;
        Thread w = worker;
        if (w != null) {
            w.setPriority(org.attractorlab.app.fx.LatestJob.ANALYSIS_PRIORITY);
        }
    }

    /** Whether nothing is being computed and nothing waits (tests). */
    boolean idle() {
        return !scheduled.get() && pending.get() == null && pendingHistory.get() == null;
    }

    /** The thread computing frames, or null before the first request. */
    Thread worker() {
        return worker;
    }

    private void work() {
        worker = Thread.currentThread();
        if (settled) {
            worker.setPriority(org.attractorlab.app.fx.LatestJob.ANALYSIS_PRIORITY);
        }
        long t0 = org.attractorlab.app.fx.WorkMeter.start();
        try {
            compute();
        } catch (RuntimeException e) {
            if (!closed) {
                error.set(e.getMessage() == null ? e.toString() : e.getMessage());
            }
        } finally {
            org.attractorlab.app.fx.WorkMeter.since("live analysis", t0);
            // lowering works for every user (raising would need root); from here on training comes first
            settle();
            scheduled.set(false);
            if (!closed && (pending.get() != null || pendingHistory.get() != null)) {
                schedule();
            }
        }
    }

    /**
     * Computes what waits: the live snapshot (its frame is aligned with the previous live frame) and the past one.
     * When both wait, both are computed and the one asked for last is left for {@link #poll()}: a past step chosen
     * after a live request is what the user wants to see, and Live pressed after choosing a step returns to live.
     */
    private void compute() {
        Request s = pending.getAndSet(null);
        AnalysisFrame liveFrame = null;
        if (s != null) {
            liveFrame = compute(s.snapshot(), previousBasis, true);
            previousBasis = liveFrame.pca();
            java.util.function.Consumer<AnalysisFrame> first = firstFrame;
            if (!firstDone && first != null) {
                first.accept(liveFrame); // e.g. the 3D pane starts its mesh before the FX thread takes the frame
            }
            firstDone = true;
        }
        Request history = pendingHistory.getAndSet(null);
        AnalysisFrame historyFrame = history == null ? null
                : compute(history.snapshot(), history.reference(), false);
        if (liveFrame != null && (historyFrame == null || s.order() > history.order())) {
            latest.set(liveFrame);
        } else if (historyFrame != null) {
            latest.set(historyFrame);
        }
    }

    /**
     * Hands the first live frame to {@code consumer} on this object's thread as soon as it is computed, before
     * {@link #poll()} returns it; nothing if the first frame was computed before this call. Any thread.
     */
    public void onFirstFrame(java.util.function.Consumer<AnalysisFrame> consumer) {
        firstFrame = consumer;
    }

    /** Why the last analysis failed, or null; cleared when read. */
    public String pollError() {
        return error.getAndSet(null);
    }

    /** Computes a frame now, on the calling thread. */
    public AnalysisFrame compute(TrainingService.Snapshot s, PcaResult reference, boolean live) {
        long t0 = System.nanoTime();
        network.setParameters(s.parameters());
        HiddenStates states = Probe.states(network, probe());
        PcaResult own = PcaStudy.fit(states, threeComponents(states));
        PcaResult pca = reference == null ? own
                : live ? PcaAlignment.procrustes(reference, own) : PcaAlignment.fixed(reference, own);
        float[] projections = pad3(pca.project(states), pca.k());
        return new AnalysisFrame(s.step(), live, states, pca, projections, (System.nanoTime() - t0) / 1e6);
    }

    /** A frame of external states (no network): PCA on the first three components. */
    public static AnalysisFrame external(HiddenStates states) {
        long t0 = System.nanoTime();
        PcaStudy.Result pca = PcaStudy.run(states, threeComponents(states));
        return new AnalysisFrame(0, false, states, pca.pca(), pad3(pca.projections(), pca.pca().k()),
                (System.nanoTime() - t0) / 1e6);
    }

    /** The study's PCA defaults with the three components every frame shows (the study cuts them to the units). */
    private static PcaStudy.Settings threeComponents(HiddenStates states) {
        return PcaStudy.defaultsFor(states).withComponents(3);
    }

    /** Widens [n, k] projections with k < 3 to [n, 3] with zeros, so that every frame has three coordinates. */
    static float[] pad3(float[] p, int k) {
        if (k == 3) {
            return p;
        }
        int n = p.length / k;
        float[] out = new float[n * 3];
        for (int i = 0; i < n; i++) {
            System.arraycopy(p, i * k, out, i * 3, k);
        }
        return out;
    }

    /** The newest frame since the last call, or null. */
    public AnalysisFrame poll() {
        return latest.getAndSet(null);
    }

    @Override
    public void close() {
        closed = true;
        pending.set(null);
        pendingHistory.set(null);
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
