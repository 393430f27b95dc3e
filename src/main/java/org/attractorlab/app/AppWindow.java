package org.attractorlab.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import org.attractorlab.app.experiment.ExperimentView;
import org.attractorlab.app.experiment.ExperimentViewModel;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.panes.fixedpoints.FixedPointsView;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.history.HistoryView;
import org.attractorlab.app.history.HistoryViewModel;
import org.attractorlab.app.panes.behaviour.BehaviourView;
import org.attractorlab.app.panes.behaviour.BehaviourViewModel;
import org.attractorlab.app.panes.loss.LossView;
import org.attractorlab.app.panes.loss.LossViewModel;
import org.attractorlab.app.panes.pca3d.Pca3dView;
import org.attractorlab.app.panes.pca3d.Pca3dViewModel;
import org.attractorlab.app.panes.angles.AnglesView;
import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.rsa.RsaView;
import org.attractorlab.app.panes.rsa.RsaViewModel;
import org.attractorlab.app.panes.decoding.DecodingView;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.Autosave;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.app.shell.MainView;
import org.attractorlab.app.shell.ToolbarView;
import org.attractorlab.core.io.ExperimentConfig;

/**
 * The composition root of the desktop app: builds every view model and view, wires them, and tears them all
 * down again. The application and the UI tests both build the window through this class.
 */
public final class AppWindow {
    /** Keep a parameter snapshot (history, live analysis) every this many steps. */
    public static final int SNAPSHOT_EVERY = 25;

    private final FrameDrain drain = new FrameDrain();
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
    private boolean dark;
    private final Autosave autosave;
    private final java.util.List<org.attractorlab.core.train.TrainingStatus> statusLog = new java.util.ArrayList<>();
    private long lastSave = System.nanoTime();
    private static final long AUTOSAVE_NANOS = 60_000_000_000L;

    public AppWindow(ExperimentConfig initial, boolean dark) {
        this(initial, dark, Autosave.defaultRoot());
    }

    /** A window whose sessions autosave under {@code sessions}. */
    public AppWindow(ExperimentConfig initial, boolean dark, java.nio.file.Path sessions) {
        this.dark = dark;
        if (javafx.application.Platform.isFxApplicationThread()) {
            // drawing first when the processor is short (effective with -XX:ThreadPriorityPolicy=1, as root)
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
        analysis = new AnalysisHub(session, drain);
        experimentVm = new ExperimentViewModel(session);
        experimentView = new ExperimentView(experimentVm, this::openData);
        toolbar = new ToolbarView(session, this::setDark);
        lossVm = new LossViewModel(session);
        lossView = new LossView(lossVm, dark);
        main = new MainView(session, toolbar, experimentView);
        main.place("loss", lossView);
        fixedPointsVm = new FixedPointsViewModel(session, analysis, selection, drain);
        fixedPointsView = new FixedPointsView(fixedPointsVm, dark);
        main.place("fixed-points", fixedPointsView);
        pca3dVm = new Pca3dViewModel(analysis, selection);
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
        rsaVm = new RsaViewModel(analysis.frameProperty(), selection, drain);
        rsaView = new RsaView(rsaVm, dark);
        main.place("rsa", rsaView);
        anglesVm = new AnglesViewModel(analysis.frameProperty(), selection, drain);
        anglesView = new AnglesView(anglesVm, dark);
        main.place("angles", anglesView);
        behaviourVm = new BehaviourViewModel(session, analysis, selection, drain);
        behaviourView = new BehaviourView(behaviourVm, dark);
        main.place("behaviour", behaviourView);
        historyVm = new HistoryViewModel(session, analysis);
        historyView = new HistoryView(historyVm);
        main.setHistoryBar(historyView);
        decodingVm = new DecodingViewModel(analysis.frameProperty(), selection, drain);
        decodingView = new DecodingView(decodingVm, dark);
        main.place("decoding", decodingView);
        autosave = new Autosave(sessions);
        session.addServiceListener(s -> {
            statusLog.clear();
            autosave.begin(s.experiment());
        });
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

    public ExperimentViewModel experimentViewModel() {
        return experimentVm;
    }

    public boolean dark() {
        return dark;
    }

    /**
     * Switches between the light and dark theme: the AtlantaFX stylesheet, and the colours of every chart in the
     * window (charts are drawn by JFreeChart, which the stylesheet does not reach).
     */
    public void setDark(boolean on) {
        dark = on;
        Application.setUserAgentStylesheet(on ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
        retheme(main);
    }

    private void retheme(javafx.scene.Node node) {
        if (node instanceof org.jfree.chart.fx.ChartViewer v && v.getChart() != null) {
            org.attractorlab.app.charts.ChartStyle.retheme(v.getChart(), dark);
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

    /** Saves the session now (in the background): config, log, model, history checkpoints, layout. */
    public void saveNow() {
        lastSave = System.nanoTime();
        TrainingService s = session.serviceProperty().get();
        if (s == null || statusLog.isEmpty()) {
            return;
        }
        autosave.save(s.experiment(), java.util.List.copyOf(statusLog), s.history(),
                s.experiment().network().parameters().clone(), main.dividerPositions());
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
        toolbar.dispose();
        experimentView.dispose();
        main.dispose();
        analysis.dispose();
        session.dispose();
    }
}
