package org.attractorlab.app;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.scene.Scene;
import org.attractorlab.app.experiment.ExperimentView;
import org.attractorlab.app.experiment.ExperimentViewModel;
import org.attractorlab.app.export.ExportViewModel;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.HeldExecutor;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.fx.StartupTrace;
import org.attractorlab.app.fx.Themes;
import org.attractorlab.app.fx.UiPriority;
import org.attractorlab.app.history.HistoryView;
import org.attractorlab.app.history.HistoryViewModel;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.app.panes.Panes;
import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.panes.loss.LossViewModel;
import org.attractorlab.app.panes.pca3d.Pca3dViewModel;
import org.attractorlab.app.panes.rsa.RsaViewModel;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.Autosave;
import org.attractorlab.app.session.SessionKeeper;
import org.attractorlab.app.session.SessionOpener;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.SettingsRegistry;
import org.attractorlab.app.shell.MainView;
import org.attractorlab.app.shell.Shortcuts;
import org.attractorlab.app.shell.ToolbarView;
import org.attractorlab.app.sweep.SweepOpener;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.run.SessionState;

/**
 * The composition root of the desktop app: builds the shared models, the panes (one factory each) and the shell,
 * wires them, and tears them all down again. The application and the UI tests both build the window through this
 * class.
 */
public final class AppWindow {
    /** Keep a parameter snapshot (history, live analysis) every this many steps. */
    public static final int SNAPSHOT_EVERY = 25;

    private final FrameDrain drain = new FrameDrain();
    /** The pane analyses' worker thread, shared by every pane and shut down with the window. */
    private final ExecutorService workers = LatestJob.newAnalysisExecutor();
    /**
     * The panes' way to {@link #workers}: held until the first frame with the trajectories is on screen (or
     * {@value #HOLD_TICKS} drain ticks at most), see {@link HeldExecutor}.
     */
    private final HeldExecutor paneWork = new HeldExecutor(workers);
    static final int HOLD_TICKS = 30;
    private final SelectionModel selection = new SelectionModel();
    private final SessionViewModel session;
    private final AnalysisHub analysis;
    private final ExperimentViewModel experimentVm;
    private final ExperimentView experimentView;
    private final ToolbarView toolbar;
    private final HistoryViewModel historyVm;
    private final HistoryView historyView;
    private final Panes panes;
    private final MainView main;
    private final ExportViewModel exports;
    private final SettingsRegistry settings = new SettingsRegistry();
    private final SessionKeeper keeper;
    private final SessionOpener opener;
    private final SweepOpener sweeps;
    private final ReadOnlyBooleanWrapper dark = new ReadOnlyBooleanWrapper();

    public AppWindow(ExperimentConfig initial, boolean dark) {
        this(initial, dark, Autosave.defaultRoot());
    }

    /** A window whose sessions autosave under {@code sessions}. */
    public AppWindow(ExperimentConfig initial, boolean dark, Path sessions) {
        this.dark.set(dark);
        UiPriority.raise();
        Themes.useStylesheet(dark);
        session = new SessionViewModel(initial, drain, SNAPSHOT_EVERY);
        StartupTrace.mark("  window: session model");
        analysis = new AnalysisHub(session, drain, workers);
        StartupTrace.mark("  window: analysis hub");
        experimentVm = new ExperimentViewModel(session);
        experimentView = new ExperimentView(experimentVm, this::openData);
        experimentView.deferBelowTheFold(); // shown with the pane work, when the first frame is on screen
        toolbar = new ToolbarView(session, this::setDark);
        main = new MainView(session, toolbar, experimentView);
        StartupTrace.mark("  window: experiment view, toolbar, shell");
        panes = Panes.create(new PaneContext(session, analysis, selection, drain, paneWork, dark));
        // the first frame's mesh is built as soon as the frame is computed, while the window is still being shown
        analysis.onFirstFrames(panes.pca3d().viewModel()::prepare);
        StartupTrace.mark("  window: panes");
        historyVm = new HistoryViewModel(session, analysis);
        historyView = new HistoryView(historyVm);
        main.setHistoryBar(historyView);
        StartupTrace.mark("  window: history bar");
        exports = new ExportViewModel(session::say);
        for (Pane<?> p : panes.all()) {
            main.place(p.id(), p.view());
            p.registerExport(exports);
            p.registerSettings(settings);
        }
        keeper = new SessionKeeper(session, analysis, selection, drain, settings, new SessionKeeper.Window(
                main::dividerPositions, main::setDividerPositions,
                () -> historyVm.liveProperty().get() ? -1 : historyVm.stepProperty().get(), historyVm::select),
                sessions);
        StartupTrace.mark("  window: panes placed, session keeper");
        opener = new SessionOpener(drain, workers, keeper::restore);
        opener.setChooser(SessionOpener.directoryChooser(
                () -> keeper.directory() != null ? keeper.directory().getParent() : sessions,
                () -> main.getScene() == null ? null : main.getScene().getWindow()));
        sweeps = new SweepOpener(drain, this::openSession, this.dark.getReadOnlyProperty(),
                () -> main.getScene() == null ? null : main.getScene().getWindow());
        sweeps.setChooser(SweepOpener.directoryChooser(() -> main.getScene() == null ? null
                : main.getScene().getWindow()));
        toolbar.addOpenSession(opener::chooseAndOpen, sweeps::chooseAndOpen);
        session.sayErrors(opener.errorProperty(), "Could not open the session: ");
        session.sayErrors(sweeps.errorProperty(), "Could not open the sweep: ");
        session.sayErrors(analysis.analysisErrorProperty(), "Analysis failed: ");
        session.sayErrors(analysis.externalErrorProperty(), "Could not open the data: ");
        releaseWhenDrawn();
        drain.start();
        StartupTrace.mark("  window: openers, frame drain started");
    }

    /**
     * Opens {@link #paneWork} and shows the experiment panel's deferred sections on the drain tick after the one
     * that found the trajectories in the 3D mesh (that frame has been rendered by then), or after
     * {@value #HOLD_TICKS} ticks whatever is shown.
     */
    private void releaseWhenDrawn() {
        Runnable[] unregister = new Runnable[1];
        int[] ticks = new int[1];
        boolean[] meshSeen = new boolean[1];
        unregister[0] = drain.register(() -> {
            if (meshSeen[0] || ++ticks[0] >= HOLD_TICKS) {
                paneWork.open();
                experimentView.showDeferred();
                unregister[0].run();
                return;
            }
            meshSeen[0] = panes.pca3d().viewModel().vertexCount() > 0;
        });
    }

    public Scene createScene(double width, double height) {
        Scene scene = new Scene(main, width, height);
        scene.getStylesheets().add(AppWindow.class.getResource("/org/attractorlab/app/app.css").toExternalForm());
        Shortcuts.install(scene, session, opener::chooseAndOpen, exports);
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
    public Executor workers() {
        return workers;
    }

    public SelectionModel selection() {
        return selection;
    }

    public AnalysisHub analysis() {
        return analysis;
    }

    /** Every pane of the window. */
    public Panes panes() {
        return panes;
    }

    public LossViewModel lossViewModel() {
        return panes.loss().viewModel();
    }

    public FixedPointsViewModel fixedPointsViewModel() {
        return panes.fixedPoints().viewModel();
    }

    public RsaViewModel rsaViewModel() {
        return panes.rsa().viewModel();
    }

    public AnglesViewModel anglesViewModel() {
        return panes.angles().viewModel();
    }

    public DecodingViewModel decodingViewModel() {
        return panes.decoding().viewModel();
    }

    public Pca3dViewModel pca3dViewModel() {
        return panes.pca3d().viewModel();
    }

    public HistoryViewModel historyViewModel() {
        return historyVm;
    }

    /** "Export figure..." of every pane. */
    public ExportViewModel exports() {
        return exports;
    }

    public ExperimentViewModel experimentViewModel() {
        return experimentVm;
    }

    public boolean dark() {
        return dark.get();
    }

    /** Whether the window is in the dark theme; the sweep windows follow it. */
    public ReadOnlyBooleanProperty darkProperty() {
        return dark.getReadOnlyProperty();
    }

    /**
     * Switches between the light and dark theme: the AtlantaFX stylesheet, the colours of every chart in the
     * window (JFreeChart, which the stylesheet does not reach), whatever each pane does itself (the 3D scene), and
     * then the open sweep windows, which listen to {@link #darkProperty()}.
     */
    public void setDark(boolean on) {
        Themes.useStylesheet(on);
        Themes.retheme(main, on);
        panes.all().forEach(p -> p.setDark(on));
        dark.set(on);
    }

    /** Shows external hidden states in every pane; the status bar says what happened. */
    public void openData(Path states, Path conditions) {
        session.say("Opening " + states.getFileName() + (conditions == null ? "" : " with " + conditions.getFileName())
                + " (analysis only; Reset returns to the network)");
        analysis.openExternal(states, conditions);
    }

    /** Saves the session now (in the background); see {@link SessionKeeper#saveNow}. */
    public void saveNow() {
        keeper.saveNow();
    }

    /** Waits until the saves asked for so far are on disk. */
    public void flushSaves() {
        keeper.flush();
    }

    /** "Open session...": the chooser, the background read and its errors. */
    public SessionOpener opener() {
        return opener;
    }

    /** Opens a saved session (a run directory) in the background; see {@link SessionOpener}. */
    public void openSession(Path dir) {
        opener.open(dir);
    }

    /** "Open sweep...": the chooser, the background read and the open sweep windows. */
    public SweepOpener sweeps() {
        return sweeps;
    }

    /** Opens a sweep directory in a window of its own; see {@link SweepOpener}. */
    public void openSweep(Path dir) {
        sweeps.open(dir);
    }

    /** The layout, history position, selection and pane settings, as session.json stores them. */
    public SessionState captureState() {
        return keeper.captureState();
    }

    /** Where this session is autosaved. */
    public Path sessionDirectory() {
        return keeper.directory();
    }

    /** Stops training, the frame drain and every listener, and shuts down the analysis thread. */
    public void dispose() {
        session.stop();
        sweeps.dispose();
        keeper.close();
        opener.dispose();
        drain.stop();
        panes.all().forEach(Pane::dispose);
        historyView.dispose();
        historyVm.dispose();
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
