package org.attractorlab.app.session;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.attractorlab.app.fx.FrameDrain;

/**
 * Brings analysis frames to the FX thread: once per frame it polls the live analysis of the current training
 * service and publishes the newest frame in {@link #frameProperty()}, which every pane's view model observes.
 */
public final class AnalysisHub {
    private final ReadOnlyObjectWrapper<AnalysisFrame> frame = new ReadOnlyObjectWrapper<>();
    private final Runnable unregisterDrain;
    private final Runnable unregisterService;
    private LiveAnalysis live;
    private volatile boolean followLive = true;
    private final org.attractorlab.app.fx.LatestJob<AnalysisFrame> external;
    private final javafx.beans.property.ReadOnlyBooleanWrapper showingExternal =
            new javafx.beans.property.ReadOnlyBooleanWrapper(false);

    public AnalysisHub(SessionViewModel session, FrameDrain drain) {
        unregisterDrain = drain.register(this::poll);
        external = new org.attractorlab.app.fx.LatestJob<>(drain, f -> {
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
                return org.attractorlab.core.io.StatesFiles.readExternal(statesNpy, conditionsCsv);
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

    private void attach(TrainingService service) {
        this.service = service;
        followLive = true;
        showingExternal.set(false);
        if (live != null) {
            live.close();
        }
        live = new LiveAnalysis(service.experiment());
        LiveAnalysis target = live;
        service.setSnapshotListener(snapshot -> {
            if (followLive) {
                target.submit(snapshot);
            }
        });
        frame.set(null);
        var h = service.history();
        target.submit(h.get(h.size() - 1)); // the newest network: step 0 for a new session, the saved one when reopened
    }

    private void poll() {
        if (live == null) {
            return;
        }
        AnalysisFrame f = live.poll();
        if (f != null) {
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
     * history stays on screen. Turning it back on analyses the newest snapshot.
     */
    public void setFollowLive(boolean follow) {
        followLive = follow;
        TrainingService s = service;
        if (follow && live != null && s != null) {
            var h = s.history();
            live.submit(h.get(h.size() - 1));
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
