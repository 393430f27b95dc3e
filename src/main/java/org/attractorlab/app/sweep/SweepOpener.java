package org.attractorlab.app.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableBooleanValue;
import javafx.stage.Window;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.fx.Workers;
import org.attractorlab.core.reproduce.Report;
import org.attractorlab.core.reproduce.Reproduction;
import org.attractorlab.core.sweep.SweepDirectory;

/**
 * "Open sweep...": asks the chooser for a sweep directory, reads its spec and plan in the background and shows it
 * in a {@link SweepWindow}; keeps the open sweep windows and closes them with the explorer window. A directory that
 * is not a sweep is reported in {@link #errorProperty()}. FX thread (except the reading).
 */
public final class SweepOpener {
    private final FrameDrain drain;
    /**
     * The sweep windows' own worker: reading records and computing a population study can take long, and must not
     * hold up the explorer panes' analyses.
     */
    private final ExecutorService executor = Workers.single("attractor-lab-sweep", LatestJob.ANALYSIS_PRIORITY);
    private final Consumer<Path> openRun;
    private final ObservableBooleanValue dark;
    private final Supplier<Window> owner;
    private volatile boolean disposed;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final List<SweepWindow> windows = new ArrayList<>();
    private Supplier<Path> chooser = () -> null;

    /**
     * @param openRun  opens a run directory in the explorer panes
     * @param dark     whether the explorer window is in the dark theme; the sweep windows follow it
     * @param owner    the explorer window, or null
     */
    public SweepOpener(FrameDrain drain, Consumer<Path> openRun, ObservableBooleanValue dark, Supplier<Window> owner) {
        this.drain = drain;
        this.openRun = openRun;
        this.dark = dark;
        this.owner = owner;
    }

    /** Where "Open sweep..." gets its directory (null: cancelled); tests replace the app's directory chooser. */
    public void setChooser(Supplier<Path> chooser) {
        this.chooser = chooser;
    }

    /** The app's chooser: a directory chooser over {@code owner}. */
    public static Supplier<Path> directoryChooser(Supplier<Window> owner) {
        return org.attractorlab.app.fx.Choosers.directory("Open sweep (a directory written by sweep --out or reproduce --out)",
                () -> null, owner);
    }

    /** Asks the chooser for a directory and opens it. */
    public void chooseAndOpen() {
        Path dir = chooser.get();
        if (dir != null) {
            open(dir);
        }
    }

    /**
     * What a directory opens as: one sweep, or a reproduction's sweeps with its report.
     *
     * @param report    the reproduction's report, or null (a plain sweep, or a reproduction not yet reported)
     * @param reportDir the reproduction's directory, or null
     */
    record Opened(List<SweepDirectory> sweeps, Report report, Path reportDir) {
    }

    /**
     * Reads the sweep in {@code dir} in the background, then shows it in a window of its own. A reproduction's
     * directory (from {@code reproduce --out}) opens each of its sweeps, with a Report tab when it has a report.
     */
    public void open(Path dir) {
        if (disposed) {
            return;
        }
        error.set("");
        // every request opens its window (not only the newest, as a LatestJob would): they queue on the worker
        executor.execute(() -> {
            long t0 = org.attractorlab.app.fx.WorkMeter.start();
            Runnable done;
            try {
                Opened o = read(dir);
                done = () -> show(o);
            } catch (RuntimeException e) {
                String message = e.getMessage() == null ? e.toString() : e.getMessage();
                done = () -> error.set(message);
            } finally {
                org.attractorlab.app.fx.WorkMeter.since("open sweep", t0);
            }
            Runnable onFx = done;
            drain.executor().execute(() -> {
                if (!disposed) {
                    onFx.run();
                }
            });
        });
    }

    /** The sweeps (and report) of {@code dir}. */
    static Opened read(Path dir) {
        if (!Reproduction.isReproduction(dir)) {
            return new Opened(List.of(SweepDirectory.open(dir)), null, null);
        }
        try {
            List<SweepDirectory> sweeps = new ArrayList<>();
            for (Path p : Reproduction.sweepsOf(dir).values()) {
                sweeps.add(SweepDirectory.open(p));
            }
            if (sweeps.isEmpty()) {
                throw new IllegalArgumentException(dir + " is a reproduction directory with no sweep yet");
            }
            return new Opened(sweeps, Report.exists(dir) ? Report.read(dir) : null, dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(dir + ": " + e.getMessage(), e);
        }
    }

    private void show(Opened o) {
        for (SweepDirectory sweep : o.sweeps()) {
            SweepWindow w = new SweepWindow(sweep, drain, executor, openRun, dark, owner.get(), o.report(),
                    o.reportDir());
            windows.add(w);
            w.stage().addEventHandler(javafx.stage.WindowEvent.WINDOW_HIDDEN, e -> windows.remove(w));
            w.show();
        }
    }

    /** The sweep windows open now. */
    public List<SweepWindow> windows() {
        return List.copyOf(windows);
    }

    /** Why the last sweep could not be opened, or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Closes every sweep window. */
    public void dispose() {
        disposed = true;
        List.copyOf(windows).forEach(SweepWindow::close);
        windows.clear();
        executor.shutdownNow();
    }
}
