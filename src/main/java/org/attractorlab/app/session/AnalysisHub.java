package org.attractorlab.app.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.WorkMeter;

/**
 * Brings analysis frames to the FX thread: once per frame it polls the live analysis of the current training
 * service and publishes the newest frame in {@link #frameProperty()}, which every pane's view model observes.
 *
 * <p>The live refresh is budgeted: a training snapshot is analysed only once the background analysis work caused
 * by the previous refresh (live analysis, the panes' analyses, the 3D mesh; see {@link WorkMeter}) is at most
 * {@link #BUDGET} of the time since then, and at least {@link #MIN_INTERVAL_NANOS} after it. A cheap analysis
 * thus refreshes a few times a second; an expensive one (large networks, a busy machine) less often, so training
 * keeps most of the processor. Snapshots arriving meanwhile wait, newest first; the last one is always shown.
 */
public final class AnalysisHub {
    private final ReadOnlyObjectWrapper<AnalysisFrame> frame = new ReadOnlyObjectWrapper<>();
    private final Runnable unregisterDrain;
    private final Runnable unregisterService;
    /** Background analysis may take this fraction of the wall time while training runs. */
    public static final double BUDGET = 0.3;
    /** At most this many refreshes a second: 1 / interval. */
    public static final long MIN_INTERVAL_NANOS = 150_000_000L;
    private LiveAnalysis live;
    private final java.util.concurrent.atomic.AtomicReference<TrainingService.Snapshot> deferred =
            new java.util.concurrent.atomic.AtomicReference<>();
    private long lastRefresh;
    private long workAtRefresh;
    private boolean refreshed;
    private volatile boolean followLive = true;
    private final org.attractorlab.app.fx.LatestJob<AnalysisFrame> external;
    private final javafx.beans.property.ReadOnlyBooleanWrapper showingExternal =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    public AnalysisHub(SessionViewModel session, FrameDrain drain, java.util.concurrent.Executor executor) {
        unregisterDrain = drain.register(this::poll);
        external = new org.attractorlab.app.fx.LatestJob<>("external data", executor, drain, f -> {
            showingExternal.set(true);
            frame.set(f);
        }, message -> externalError.set(message));
        unregisterService = session.addServiceListener(this::attach);
    }

    private final javafx.beans.property.ReadOnlyStringWrapper analysisError =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    /** Why the last live analysis failed, or "". */
    public javafx.beans.property.ReadOnlyStringProperty analysisErrorProperty() {
        return analysisError.getReadOnlyProperty();
    }

    private final javafx.beans.property.ReadOnlyStringWrapper externalError =
            new javafx.beans.property.ReadOnlyStringWrapper("");

    /**
     * Shows external hidden states (a recording, another framework) in every pane instead of the network's; live
     * frames resume after the next reset.
     */
    public void showExternal(org.attractorlab.core.analysis.HiddenStates states) {
        openExternal(() -> states);
    }

    /** Reads states (.npy) and optional conditions (.csv) in the background and shows them. */
    public void openExternal(java.nio.file.Path statesNpy, java.nio.file.Path conditionsCsv) {
        openExternal(() -> {
            try {
                return org.attractorlab.core.run.StatesFiles.readExternal(statesNpy, conditionsCsv);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e.getMessage(), e);
            }
        });
    }

    private void openExternal(java.util.function.Supplier<org.attractorlab.core.analysis.HiddenStates> states) {
        if (live != null) {
            live.close();
            live = null;
        }
        externalError.set("");
        external.submit(() -> LiveAnalysis.external(states.get()));
    }

    /** Whether the panes show external data. */
    public javafx.beans.property.ReadOnlyBooleanProperty showingExternalProperty() {
        return showingExternal.getReadOnlyProperty();
    }

    /** Why the external data could not be shown, or "". */
    public javafx.beans.property.ReadOnlyStringProperty externalErrorProperty() {
        return externalError.getReadOnlyProperty();
    }

    private TrainingService service;
    private java.util.function.Consumer<AnalysisFrame> firstFrame;

    private void attach(TrainingService service) {
        this.service = service;
        followLive = true;
        showingExternal.set(false);
        if (live != null) {
            live.close();
        }
        live = new LiveAnalysis(service.experiment());
        live.onFirstFrame(firstFrame);
        LiveAnalysis target = live;
        deferred.set(null);
        service.setSnapshotListener(snapshot -> {
            target.settle(); // training has started: it comes before the analyses from here on
            if (followLive) {
                deferred.set(snapshot);
            }
        });
        frame.set(null);
        var h = service.history();
        refresh(target, h.get(h.size() - 1)); // the newest network: step 0 for a new session, the saved one when reopened
    }

    /**
     * Hands the first frame of every session's live analysis to {@code consumer} on the analysis thread, as soon as
     * it is computed and before it is published here (e.g. {@code Pca3dViewModel::prepare}). FX thread.
     */
    public void onFirstFrames(java.util.function.Consumer<AnalysisFrame> consumer) {
        firstFrame = consumer;
        if (live != null) {
            live.onFirstFrame(consumer);
        }
    }

    private void refresh(LiveAnalysis target, TrainingService.Snapshot s) {
        lastRefresh = System.nanoTime();
        workAtRefresh = WorkMeter.total();
        refreshed = true;
        target.submit(s);
    }

    /** Whether the work since the last refresh leaves room for another within the budget. */
    private boolean due() {
        long since = System.nanoTime() - lastRefresh;
        return !refreshed || since >= MIN_INTERVAL_NANOS && since * BUDGET >= WorkMeter.total() - workAtRefresh;
    }

    private void poll() {
        if (live == null) {
            return;
        }
        if (deferred.get() != null && due()) {
            TrainingService.Snapshot s = deferred.getAndSet(null);
            if (s != null && followLive) {
                refresh(live, s);
            }
        }
        AnalysisFrame f = live.poll();
        // a live frame computed after the user chose a past step (its snapshot was asked for before) is stale
        if (f != null && (followLive || !f.live())) {
            if (frame.get() == null) {
                org.attractorlab.app.fx.StartupTrace.mark("analysis frame published (" + Math.round(f.millis())
                        + " ms to compute)");
            }
            frame.set(f);
        }
        String failed = live.pollError();
        if (failed != null) {
            externalError.set("");
            analysisError.set(failed);
        }
    }

    /**
     * Whether training snapshots are analysed as they come (live), or ignored so that a past step chosen in the
     * history stays on screen (a live frame still being computed is then not shown). Turning it back on analyses the
     * newest snapshot.
     */
    public void setFollowLive(boolean follow) {
        followLive = follow;
        TrainingService s = service;
        if (!follow) {
            deferred.set(null);
            if (live != null) {
                live.cancelLive();
            }
        }
        if (follow && live != null && s != null) {
            var h = s.history();
            refresh(live, h.get(h.size() - 1));
        }
    }

    public boolean followsLive() {
        return followLive;
    }

    /** The newest analysis frame, or null before the first one. */
    public ReadOnlyObjectProperty<AnalysisFrame> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    /** The live analysis of the current session (for history requests). */
    public LiveAnalysis live() {
        return live;
    }

    public void dispose() {
        external.dispose();
        unregisterDrain.run();
        unregisterService.run();
        if (live != null) {
            live.close();
        }
    }
}
