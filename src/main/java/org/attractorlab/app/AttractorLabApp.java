package org.attractorlab.app;

import javafx.application.Application;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import org.attractorlab.app.fx.StartupTrace;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.Samples;

/** The desktop app. It opens on the flip-flop sample, ready to train, or on the session given as its argument;
 * given a sweep directory, it shows the sweep in a window of its own beside it. */
public final class AttractorLabApp extends Application {
    /** Set by {@code attractor-lab app --smoke}: open, check the first frame draws the 3D pane, exit. */
    public static final String SMOKE_PROPERTY = "attractorlab.smoke";

    private AppWindow window;
    private static volatile java.util.concurrent.CompletableFuture<org.attractorlab.core.config.ExperimentConfig> sample;

    /**
     * Reads the sample the window opens on in the background (the config and the JSON reader's classes), while the
     * FX toolkit starts. Call before {@link Application#launch}; without it {@link #start} reads the sample itself.
     */
    public static void preloadSample() {
        sample = java.util.concurrent.CompletableFuture.supplyAsync(() -> Samples.load(Samples.NAMES.get(0)),
                r -> {
                    Thread t = new Thread(r, "attractor-lab-preload");
                    t.setDaemon(true);
                    t.start();
                });
    }

    /** The preloaded sample, or the sample read now; what reading it threw, as it threw it. */
    private static org.attractorlab.core.config.ExperimentConfig sample() {
        var preloaded = sample;
        if (preloaded == null) {
            return Samples.load(Samples.NAMES.get(0));
        }
        try {
            return preloaded.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("FX toolkit up (start)");
        boolean dark = Boolean.parseBoolean(System.getProperty("attractorlab.dark", "false"));
        org.attractorlab.core.config.ExperimentConfig config = sample();
        StartupTrace.mark("sample config loaded");
        window = new AppWindow(config, dark);
        StartupTrace.mark("AppWindow built");
        stage.setTitle("Attractor Lab");
        stage.setScene(window.createScene(1440, 900));
        StartupTrace.mark("scene built");
        stage.setOnCloseRequest(e -> {
            TrainingService.Phase p = window.session().phaseProperty().get();
            if (p == TrainingService.Phase.RUNNING || p == TrainingService.Phase.PAUSED) {
                Alert a = new Alert(Alert.AlertType.CONFIRMATION,
                        "Training is in progress. Stop it and close Attractor Lab?", ButtonType.OK, ButtonType.CANCEL);
                a.setHeaderText("Close while training?");
                if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                    e.consume();
                }
            }
        });
        stage.show();
        StartupTrace.mark("stage shown");
        if (Boolean.getBoolean(SMOKE_PROPERTY)) {
            SmokeCheck.watch(window);
        }
        // ./attractor-lab app RUN_DIR: the window opens on the sample, then switches to the session once it is read
        java.util.List<String> raw = getParameters() == null ? java.util.List.of() : getParameters().getRaw();
        if (!raw.isEmpty()) {
            java.nio.file.Path dir = java.nio.file.Path.of(raw.get(0));
            if (org.attractorlab.core.sweep.SweepDirectory.isSweep(dir)
                    || org.attractorlab.core.reproduce.Reproduction.isReproduction(dir)) {
                window.openSweep(dir); // the sample stays in the explorer; the sweep opens in a window of its own
            } else {
                window.openSession(dir);
            }
        }
    }

    @Override
    public void stop() {
        if (window != null) {
            window.dispose();
        }
    }
}
