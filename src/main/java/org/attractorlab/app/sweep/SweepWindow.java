package org.attractorlab.app.sweep;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.attractorlab.app.export.ExportViewModel;
import org.attractorlab.app.export.PaneExport;
import org.attractorlab.figure.AlignedPairFigure;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.panes.Pane;
import org.attractorlab.core.reproduce.Report;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.figure.Figures;

/**
 * A sweep in a window of its own, beside the explorer window: a sweep is a population of networks, the explorer
 * panes show one of them, and a run double-clicked in the table opens there while the table stays in view. The
 * plot exports through the same dialog as every pane, and follows the explorer window's light or dark theme
 * (the AtlantaFX stylesheet is the application's; the chart is recoloured here). Closing the window disposes its
 * view, view model and export and stops following the theme. FX thread.
 */
public final class SweepWindow {
    /** The name the plot is exported under. */
    public static final String FIGURE = "sweep";
    /** The name the Population tab's figure is exported under. */
    public static final String POPULATION = "population";
    /** The name the OOD tab's figure is exported under. */
    public static final String OOD = "ood-vs-tasks";
    /** The name the clicked pair's side-by-side figure is exported under. */
    public static final String PAIR = "aligned-pair";

    private final SweepViewModel vm;
    private final SweepView view;
    private final ExportViewModel exports;
    private final Stage stage = new Stage();
    private final Runnable unfollowTheme;
    /** The OOD tab of an evidence-multitask sweep, else null. */
    private final OodTasksViewModel ood;
    private final OodTasksView oodView;
    private final ReportView reportView;
    private boolean disposed;

    /**
     * @param executor where the run records are read
     * @param openRun  opens a run directory in the explorer panes
     * @param dark     whether the explorer window is in the dark theme (followed until the window closes)
     * @param owner    the explorer window (the sweep window closes with it), or null
     */
    public SweepWindow(SweepDirectory sweep, FrameDrain drain, Executor executor, Consumer<Path> openRun,
                       ObservableBooleanValue dark, Window owner) {
        this(sweep, drain, executor, openRun, dark, owner, null, null);
    }

    /**
     * A sweep of a reproduction, with a Report tab showing its report.
     *
     * @param report    the reproduction's report, or null for none
     * @param reportDir the reproduction's directory (where the report's figures are)
     */
    public SweepWindow(SweepDirectory sweep, FrameDrain drain, Executor executor, Consumer<Path> openRun,
                       ObservableBooleanValue dark, Window owner, Report report, Path reportDir) {
        vm = new SweepViewModel(sweep, drain, executor, openRun);
        view = new SweepView(vm, dark.get());
        ood = OodTasksViewModel.appliesTo(sweep) ? new OodTasksViewModel(sweep, drain, executor) : null;
        oodView = ood == null ? null : new OodTasksView(ood, dark.get());
        if (oodView != null) {
            view.addTab("OOD vs tasks", "sweep-ood-tab", oodView);
        }
        ChangeListener<Boolean> onTheme = (o, was, now) -> {
            view.setDark(now);
            if (oodView != null) {
                oodView.setDark(now);
            }
        };
        dark.addListener(onTheme);
        unfollowTheme = () -> dark.removeListener(onTheme);
        exports = new ExportViewModel(vm::say);
        PaneExport.attach(exports, FIGURE, view.plotPane());
        exports.register(FIGURE, (format, scale) -> vm.seriesProperty().get() == null ? null
                : Figures.sweep(vm.seriesProperty().get()), () -> Pane.readableSize(view.plotPane()));
        PaneExport.attach(exports, POPULATION, view.populationPane());
        PopulationViewModel pop = vm.population();
        exports.register(POPULATION, (format, scale) -> pop.computedProperty().get() == null ? null
                : Figures.degeneracy(pop.computedProperty().get().result(), pop.computedProperty().get().measure(),
                pop.colourAxis()), () -> Pane.readableSize(view.populationPane()));
        if (ood != null) {
            PaneExport.attach(exports, OOD, oodView);
            exports.register(OOD, (format, scale) -> ood.computedProperty().get() == null ? null
                    : Figures.oodVsTasks(ood.computedProperty().get()), () -> Pane.readableSize(oodView));
        }
        AlignedPairView pairView = view.populationPane().pairView();
        PaneExport.attach(exports, PAIR, pairView);
        exports.register(PAIR, (format, scale) -> {
            AlignedPairViewModel.Shown shown = pop.pair().shownProperty().get();
            return shown == null ? null : AlignedPairFigure.figure(shown.result(), null, shown.distance(),
                    pairView.left().camera());
        }, () -> Pane.readableSize(pairView));
        reportView = report == null ? null : new ReportView(report, reportDir);
        if (reportView != null) {
            view.addTab("Report", "sweep-report-tab", reportView);
        }
        Scene scene = new Scene(view, 1100, 760);
        scene.getStylesheets().add(SweepWindow.class.getResource("/org/attractorlab/app/app.css").toExternalForm());
        scene.getAccelerators().put(javafx.scene.input.KeyCombination.keyCombination("Shortcut+E"),
                () -> exports.exportLast(stage));
        stage.setScene(scene);
        stage.setTitle("Sweep " + sweep.dir().toAbsolutePath().normalize() + " - Attractor Lab");
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setOnHidden(e -> dispose());
    }

    public void show() {
        stage.show();
    }

    /** Closes the window (and disposes it). */
    public void close() {
        stage.close();
        dispose();
    }

    public Stage stage() {
        return stage;
    }

    public SweepViewModel viewModel() {
        return vm;
    }

    /** The Report tab's view, or null when the sweep is not a reproduction's (or it has no report yet). */
    public ReportView reportView() {
        return reportView;
    }

    public SweepView view() {
        return view;
    }

    /** The OOD tab's view model, or null when the sweep is not of the evidence multitask. */
    public OodTasksViewModel oodViewModel() {
        return ood;
    }

    /** The OOD tab, or null. */
    public OodTasksView oodView() {
        return oodView;
    }

    /** "Export figure..." of the plot. */
    public ExportViewModel exports() {
        return exports;
    }

    private void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        unfollowTheme.run();
        view.dispose();
        if (reportView != null) {
            reportView.dispose();
        }
        vm.dispose();
        if (ood != null) {
            oodView.dispose();
            ood.dispose();
        }
        exports.dispose();
    }
}
