package org.attractorlab.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.attractorlab.app.experiment.ExperimentView;
import org.attractorlab.app.experiment.ExperimentViewModel;
import org.attractorlab.app.export.ExportViewModel;
import org.attractorlab.app.export.PaneExport;
import org.attractorlab.app.export.PaneFigures;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.history.HistoryView;
import org.attractorlab.app.history.HistoryViewModel;
import org.attractorlab.app.panes.angles.AnglesView;
import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.behaviour.BehaviourView;
import org.attractorlab.app.panes.behaviour.BehaviourViewModel;
import org.attractorlab.app.panes.decoding.DecodingView;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.panes.fixedpoints.FixedPointsView;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.panes.loss.LossView;
import org.attractorlab.app.panes.loss.LossViewModel;
import org.attractorlab.app.panes.pca3d.Pca3dView;
import org.attractorlab.app.panes.pca3d.Pca3dViewModel;
import org.attractorlab.app.panes.rsa.RsaView;
import org.attractorlab.app.panes.rsa.RsaViewModel;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.Autosave;
import org.attractorlab.app.session.SessionOpener;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.SettingsRegistry;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.app.shell.MainView;
import org.attractorlab.app.shell.ToolbarView;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.SessionState;

/**
 * The composition root of the desktop app: builds every view model and view, wires them, and tears them all
 * down again. The application and the UI tests both build the window through this class.
 */
public final class AppWindow {
    /** Keep a parameter snapshot (history, live analysis) every this many steps. */
    public static final int SNAPSHOT_EVERY = 25;

    private final FrameDrain drain = new FrameDrain();
    /** The pane analyses' worker thread, shared by every pane and shut down with the window. */
    private final java.util.concurrent.ExecutorService workers = org.attractorlab.app.fx.LatestJob.newAnalysisExecutor();
    private final SelectionModel selection = new SelectionModel();
    private final SessionViewModel session;
    private final AnalysisHub analysis;
    private final ExperimentViewModel experimentVm;
    private final ExperimentView experimentView;
    private final ToolbarView toolbar;
    private final LossViewModel lossVm;
    private final LossView lossView;
    private final FixedPointsViewModel fixedPointsVm;
    private final FixedPointsView fixedPointsView;
    private final Pca3dViewModel pca3dVm;
    private final Pca3dView pca3dView;
    private final RsaViewModel rsaVm;
    private final RsaView rsaView;
    private final AnglesViewModel anglesVm;
    private final AnglesView anglesView;
    private final BehaviourViewModel behaviourVm;
    private final BehaviourView behaviourView;
    private final HistoryViewModel historyVm;
    private final HistoryView historyView;
    private final DecodingViewModel decodingVm;
    private final DecodingView decodingView;
    private final MainView main;
    private final ExportViewModel exports;
    private boolean dark;
    private final Autosave autosave;
    private final java.util.List<org.attractorlab.core.train.TrainingStatus> statusLog = new java.util.ArrayList<>();
    private long lastSave = System.nanoTime();
    private static final long AUTOSAVE_NANOS = 60_000_000_000L;
    private final SettingsRegistry settings = new SettingsRegistry();
    private final SessionOpener opener;
    /** Statuses in the log when the session was opened; -1 for a session started here. */
    private int openedLogSize = -1;
    /** True while a saved session replaces the current one: no autosave in between. */
    private boolean restoring;
    private javafx.beans.value.ChangeListener<org.attractorlab.app.session.AnalysisFrame> pendingHistory;

    public AppWindow(ExperimentConfig initial, boolean dark) {
        this(initial, dark, Autosave.defaultRoot());
    }

    /** A window whose sessions autosave under {@code sessions}. */
    public AppWindow(ExperimentConfig initial, boolean dark, java.nio.file.Path sessions) {
        this.dark = dark;
        if (javafx.application.Platform.isFxApplicationThread()) {
            // drawing before the analyses, and before training when training takes every core (see
            // TrainingService.trainingPriority; effective with -XX:ThreadPriorityPolicy=1, as root)
            Thread.currentThread().setPriority(Thread.NORM_PRIORITY + 2);
            // the FX thread waits for the renderer to finish the last frame: it gets the same priority
            for (Thread t : Thread.getAllStackTraces().keySet()) {
                if (t.getName().startsWith("QuantumRenderer")) {
                    t.setPriority(Thread.NORM_PRIORITY + 2);
                }
            }
        }
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        session = new SessionViewModel(initial, drain, SNAPSHOT_EVERY);
        analysis = new AnalysisHub(session, drain, workers);
        experimentVm = new ExperimentViewModel(session);
        experimentView = new ExperimentView(experimentVm, this::openData);
        toolbar = new ToolbarView(session, this::setDark);
        lossVm = new LossViewModel(session);
        lossView = new LossView(lossVm, dark);
        main = new MainView(session, toolbar, experimentView);
        main.place("loss", lossView);
        fixedPointsVm = new FixedPointsViewModel(session, analysis, selection, drain, workers);
        fixedPointsView = new FixedPointsView(fixedPointsVm, dark);
        main.place("fixed-points", fixedPointsView);
        pca3dVm = new Pca3dViewModel(analysis, selection, drain);
        pca3dView = new Pca3dView(pca3dVm, dark);
        main.place("pca3d", pca3dView);
        // the fixed points found in their pane are drawn over the trajectories of the 3D pane
        fixedPointsVm.overlayProperty().addListener((o, a, ov) -> {
            if (ov != null && ov.count() > 0) {
                pca3dVm.setFixedPoints(ov.projected(), ov.stable(), ov.segments());
            } else if (a != null && a.count() > 0) {
                pca3dVm.setFixedPoints(null, null, null);
            }
        });
        rsaVm = new RsaViewModel(analysis.frameProperty(), selection, drain, workers);
        rsaView = new RsaView(rsaVm, dark);
        main.place("rsa", rsaView);
        anglesVm = new AnglesViewModel(analysis.frameProperty(), selection, drain, workers);
        anglesView = new AnglesView(anglesVm, dark);
        main.place("angles", anglesView);
        behaviourVm = new BehaviourViewModel(session, analysis, selection, drain);
        behaviourView = new BehaviourView(behaviourVm, dark);
        main.place("behaviour", behaviourView);
        historyVm = new HistoryViewModel(session, analysis);
        historyView = new HistoryView(historyVm);
        main.setHistoryBar(historyView);
        decodingVm = new DecodingViewModel(analysis.frameProperty(), selection, drain, workers);
        decodingView = new DecodingView(decodingVm, dark);
        main.place("decoding", decodingView);
        exports = new ExportViewModel(session::say);
        registerExports();
        autosave = new Autosave(sessions);
        session.addServiceListener(s -> {
            statusLog.clear();
            openedLogSize = -1;
            autosave.begin(s.experiment());
        });
        registerSettings();
        opener = new SessionOpener(drain, workers, this::restore);
        opener.setChooser(() -> {
            javafx.stage.DirectoryChooser chooser = new javafx.stage.DirectoryChooser();
            chooser.setTitle("Open session (a run directory)");
            java.nio.file.Path start = autosave.directory() != null ? autosave.directory().getParent() : sessions;
            if (start != null && java.nio.file.Files.isDirectory(start)) {
                chooser.setInitialDirectory(start.toFile());
            }
            java.io.File f = chooser.showDialog(main.getScene() == null ? null : main.getScene().getWindow());
            return f == null ? null : f.toPath();
        });
        opener.errorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                session.say("Could not open the session: " + b);
            }
        });
        toolbar.addOpenSession(opener::chooseAndOpen);
        session.addStatusListener(statusLog::addAll);
        session.phaseProperty().addListener((o, a, p) -> {
            if (p == TrainingService.Phase.PAUSED || p == TrainingService.Phase.FINISHED) {
                saveNow();
            }
        });
        drain.register(() -> {
            long now = System.nanoTime();
            if (session.phaseProperty().get() == TrainingService.Phase.RUNNING && now - lastSave > AUTOSAVE_NANOS) {
                saveNow();
            }
        });
        analysis.analysisErrorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                session.say("Analysis failed: " + b);
            }
        });
        analysis.externalErrorProperty().addListener((o, a, b) -> {
            if (!b.isEmpty()) {
                session.say("Could not open the data: " + b);
            }
        });
        drain.start();
    }

    /** "Export figure..." on every pane: each pane's figure and its size on screen. */
    private void registerExports() {
        PaneExport.attach(exports, "loss", lossView);
        exports.register("loss", (f, s) -> PaneFigures.loss(lossVm), () -> size(lossView));
        PaneExport.attach(exports, "pca3d", pca3dView);
        exports.register("pca3d", pca3dView::figure, () -> {
            double[] scene = pca3dView.sceneSize();
            // the figure adds a title band above the scene
            return new double[]{scene[0], scene[1] + 40};
        });
        PaneExport.attach(exports, "behaviour", behaviourView);
        exports.register("behaviour", (f, s) -> PaneFigures.behaviour(behaviourView,
                behaviourVm.headerProperty().get()), () -> size(behaviourView));
        PaneExport.attach(exports, "fixed-points", fixedPointsView);
        exports.register("fixed-points", (f, s) -> PaneFigures.fixedPoints(fixedPointsVm),
                () -> new double[]{Math.max(640, 2 * fixedPointsView.getWidth()), Math.max(320, fixedPointsView.getHeight())});
        PaneExport.attach(exports, "rsa", rsaView);
        exports.register("rsa", (f, s) -> PaneFigures.rsa(rsaVm), () -> size(rsaView));
        PaneExport.attach(exports, "angles", anglesView);
        exports.register("angles", (f, s) -> PaneFigures.angles(anglesVm), () -> size(anglesView));
        PaneExport.attach(exports, "decoding", decodingView);
        exports.register("decoding", (f, s) -> PaneFigures.decoding(decodingVm), () -> size(decodingView));
    }

    /** A pane's size on screen, at least a readable figure's. */
    private static double[] size(javafx.scene.layout.Region r) {
        return new double[]{Math.max(420, r.getWidth()), Math.max(320, r.getHeight())};
    }

    public Scene createScene(double width, double height) {
        Scene scene = new Scene(main, width, height);
        scene.getStylesheets().add(AppWindow.class.getResource("/org/attractorlab/app/app.css").toExternalForm());
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F5), () -> {
            if (session.phaseProperty().get() == TrainingService.Phase.PAUSED) {
                session.resume();
            } else {
                session.train();
            }
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F6), session::pause);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F7), session::step);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F8), session::stop);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.O, KeyCodeCombination.SHORTCUT_DOWN),
                opener::chooseAndOpen);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.E, KeyCombination.SHORTCUT_DOWN),
                () -> exports.exportLast(scene.getWindow()));
        return scene;
    }

    public SessionViewModel session() {
        return session;
    }

    public MainView main() {
        return main;
    }

    public FrameDrain drain() {
        return drain;
    }

    /** Where the panes' analyses run (one low-priority thread). */
    public java.util.concurrent.Executor workers() {
        return workers;
    }

    public SelectionModel selection() {
        return selection;
    }

    public AnalysisHub analysis() {
        return analysis;
    }

    public LossViewModel lossViewModel() {
        return lossVm;
    }

    public FixedPointsViewModel fixedPointsViewModel() {
        return fixedPointsVm;
    }

    public RsaViewModel rsaViewModel() {
        return rsaVm;
    }

    public AnglesViewModel anglesViewModel() {
        return anglesVm;
    }

    public DecodingViewModel decodingViewModel() {
        return decodingVm;
    }

    /** "Export figure..." of every pane. */
    public ExportViewModel exports() {
        return exports;
    }

    public ExperimentViewModel experimentViewModel() {
        return experimentVm;
    }

    public boolean dark() {
        return dark;
    }

    /**
     * Switches between the light and dark theme: the AtlantaFX stylesheet, and the colours of every chart in the
     * window and of the 3D scene (charts are drawn by JFreeChart and the scene by JavaFX 3D, which the stylesheet
     * does not reach).
     */
    public void setDark(boolean on) {
        dark = on;
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        retheme(main);
        pca3dView.setDark(on);
    }

    private void retheme(javafx.scene.Node node) {
        if (node instanceof org.jfree.chart.fx.ChartViewer v && v.getChart() != null) {
            org.attractorlab.figure.ChartStyle.retheme(v.getChart(), dark);
        }
        if (node instanceof javafx.scene.Parent p) {
            for (javafx.scene.Node child : p.getChildrenUnmodifiable()) {
                retheme(child);
            }
        }
        if (node instanceof javafx.scene.control.SplitPane sp) {
            sp.getItems().forEach(this::retheme);
        }
        if (node instanceof javafx.scene.control.ScrollPane sc && sc.getContent() != null) {
            retheme(sc.getContent());
        }
    }

    /** Shows external hidden states in every pane; the status bar says what happened. */
    public void openData(java.nio.file.Path states, java.nio.file.Path conditions) {
        session.say("Opening " + states.getFileName() + (conditions == null ? "" : " with " + conditions.getFileName())
                + " (analysis only; Reset returns to the network)");
        analysis.openExternal(states, conditions);
    }

    /**
     * Saves the session now (in the background): config, log, model, history checkpoints, and session.json with
     * the layout, selection and pane settings. A reopened session that has not trained since keeps its run files
     * as they are and gets only its session.json rewritten.
     */
    public void saveNow() {
        if (restoring) {
            return;
        }
        lastSave = System.nanoTime();
        TrainingService s = session.serviceProperty().get();
        boolean runChanged = openedLogSize < 0 || statusLog.size() != openedLogSize;
        if (s == null || (runChanged && statusLog.isEmpty())) {
            return;
        }
        java.util.List<TrainingService.Snapshot> history = s.history();
        float[] parameters = s.experiment().network().parameters().clone();
        if (s.phase() == TrainingService.Phase.RUNNING) {
            // the network moves on while we save: store the newest snapshot the log has reached
            int logged = statusLog.isEmpty() ? 0 : statusLog.get(statusLog.size() - 1).step();
            for (TrainingService.Snapshot snap : history) {
                if (snap.step() <= logged) {
                    parameters = snap.parameters();
                }
            }
        }
        autosave.save(s.experiment(), java.util.List.copyOf(statusLog), history, parameters, captureState(),
                runChanged);
    }

    /** Waits until the saves asked for so far are on disk. */
    public void flushSaves() {
        autosave.flush();
    }

    /** "Open session...": the chooser, the background read and its errors. */
    public SessionOpener opener() {
        return opener;
    }

    /** Opens a saved session (a run directory) in the background; see {@link SessionOpener}. */
    public void openSession(java.nio.file.Path dir) {
        opener.open(dir);
    }

    /** The layout, history position, selection and pane settings, as session.json stores them. */
    public SessionState captureState() {
        var c = selection.conditionProperty().get();
        var sel = new SessionState.Selection(new java.util.ArrayList<>(new java.util.TreeSet<>(
                selection.trialsProperty().get())), c == null ? null : c.column(), c == null ? Double.NaN : c.value(),
                selection.fixedPointProperty().get(), selection.timeStepProperty().get(),
                selection.colorByProperty().get());
        int historyStep = historyVm.liveProperty().get() ? -1 : historyVm.stepProperty().get();
        return new SessionState(main.dividerPositions(), historyStep, sel, settings.capture());
    }

    /** Switches the window to a session read in full: training state first, then layout, settings, selection. */
    private void restore(SavedSession saved) {
        saveNow(); // the session being left keeps everything up to now
        restoring = true;
        try {
            session.open(saved);
        } finally {
            restoring = false;
        }
        autosave.resume(saved.dir());
        openedLogSize = statusLog.size();
        SessionState st = saved.state();
        if (st.layout().length > 0) {
            main.setDividerPositions(st.layout());
        }
        java.util.List<String> problems = settings.apply(st.panes());
        SessionState.Selection sel = st.selection();
        selection.selectTrials(new java.util.HashSet<>(sel.trials()));
        if (sel.conditionColumn() != null) {
            selection.conditionProperty().set(new SelectionModel.Condition(sel.conditionColumn(), sel.conditionValue()));
        }
        if (sel.colorBy() != null) {
            selection.colorByProperty().set(sel.colorBy());
        }
        selection.timeStepProperty().set(sel.timeStep());
        selection.fixedPointProperty().set(sel.fixedPoint());
        if (pendingHistory != null) {
            analysis.frameProperty().removeListener(pendingHistory);
            pendingHistory = null;
        }
        if (st.historyStep() >= 0) {
            // once the newest network is on screen (its PCA basis is the history's reference), go back in time
            pendingHistory = (o, a, f) -> {
                if (f != null && f.live()) {
                    analysis.frameProperty().removeListener(pendingHistory);
                    pendingHistory = null;
                    java.util.List<TrainingService.Snapshot> h = session.serviceProperty().get().history();
                    for (int i = 0; i < h.size(); i++) {
                        if (h.get(i).step() == st.historyStep()) {
                            historyVm.select(i);
                        }
                    }
                }
            };
            analysis.frameProperty().addListener(pendingHistory);
        }
        if (!problems.isEmpty()) {
            session.say(session.messageProperty().get() + "; " + String.join("; ", problems));
        }
    }

    /** Every pane setting a session saves, by pane. */
    private void registerSettings() {
        var fp = fixedPointsVm.settings();
        settings.choice("fixed-points", "input_mode", fp.inputModeProperty(),
                        org.attractorlab.app.panes.fixedpoints.SearchSettings.InputMode.class)
                .text("fixed-points", "input_values", fp.inputValuesProperty())
                .text("fixed-points", "probe_trial", fp.probeTrialProperty())
                .text("fixed-points", "probe_step", fp.probeStepProperty())
                .text("fixed-points", "initial_states", fp.initialStatesProperty())
                .text("fixed-points", "initial_noise", fp.initialNoiseProperty())
                .choice("fixed-points", "method", fp.methodProperty(),
                        org.attractorlab.core.analysis.fixedpoint.FixedPointOptions.Method.class)
                .text("fixed-points", "tol_q", fp.tolQProperty())
                .text("fixed-points", "slow_q", fp.slowQProperty())
                .text("fixed-points", "refresh_every", fp.refreshEveryProperty())
                .bool("fixed-points", "at_end", fp.atEndProperty())
                .bool("fixed-points", "continuous_time", fixedPointsVm.continuousTimeProperty())
                .bool("pca3d", "selected_only", pca3dVm.selectedOnlyProperty())
                .integer("pca3d", "limit", pca3dVm.limitProperty())
                .bool("loss", "log_scale", lossVm.logScaleProperty())
                .bool("behaviour", "millis", behaviourVm.millisProperty())
                .names("rsa", "condition_columns", rsaVm.conditionColumnsProperty())
                .choice("rsa", "distance", rsaVm.distanceProperty(), org.attractorlab.core.analysis.rsa.Distance.class)
                .integer("rsa", "from_step", rsaVm.fromStepProperty())
                .integer("rsa", "to_step", rsaVm.toStepProperty())
                .text("rsa", "model", rsaVm.modelProperty())
                .choice("rsa", "comparison", rsaVm.comparisonProperty(),
                        org.attractorlab.core.analysis.rsa.Comparison.class)
                .text("angles", "group_column", anglesVm.groupColumnProperty())
                .integer("angles", "k", anglesVm.kProperty())
                .integer("angles", "from_step", anglesVm.fromStepProperty())
                .integer("angles", "to_step", anglesVm.toStepProperty())
                .text("decoding", "target", decodingVm.targetProperty())
                .choice("decoding", "decoder", decodingVm.decoderProperty(),
                        org.attractorlab.core.study.DecodingStudy.Decoder.class)
                .integer("decoding", "stride", decodingVm.strideProperty())
                .integer("decoding", "folds", decodingVm.foldsProperty());
    }

    public HistoryViewModel historyViewModel() {
        return historyVm;
    }

    public Pca3dViewModel pca3dViewModel() {
        return pca3dVm;
    }

    /** Where this session is autosaved. */
    public java.nio.file.Path sessionDirectory() {
        return autosave.directory();
    }

    /** Stops training, the frame drain and every listener. */
    public void dispose() {
        session.stop();
        saveNow();
        autosave.close();
        opener.dispose();
        drain.stop();
        lossView.dispose();
        lossVm.dispose();
        fixedPointsView.dispose();
        fixedPointsVm.dispose();
        pca3dView.dispose();
        pca3dVm.dispose();
        rsaView.dispose();
        rsaVm.dispose();
        anglesView.dispose();
        anglesVm.dispose();
        behaviourView.dispose();
        behaviourVm.dispose();
        historyView.dispose();
        historyVm.dispose();
        decodingView.dispose();
        decodingVm.dispose();
        exports.dispose();
        toolbar.dispose();
        experimentView.dispose();
        experimentVm.dispose();
        main.dispose();
        analysis.dispose();
        session.dispose();
        workers.shutdownNow();
    }
}
