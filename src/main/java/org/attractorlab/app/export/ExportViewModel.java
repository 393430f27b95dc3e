package org.attractorlab.app.export;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.stage.Window;
import org.attractorlab.figure.Figure;
import org.attractorlab.figure.FigureSize;
import org.attractorlab.figure.FigureWriter;

/**
 * "Export figure..." for every pane: asks the {@link FigureChooser} where and how, makes the pane's figure on the
 * FX thread and writes it on a background thread, then reports in the status bar. Remembers the pane last clicked,
 * for the keyboard shortcut. FX thread only (except the writing).
 */
public final class ExportViewModel {
    /** A registered pane: its figure and its size on screen. */
    private record Pane(PaneFigure figure, java.util.function.Supplier<double[]> size) {
    }

    private final Map<String, Pane> panes = new LinkedHashMap<>();
    private final ObjectProperty<FigureChooser> chooser = new SimpleObjectProperty<>(new ExportDialog());
    private final ReadOnlyStringWrapper lastPane = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final Consumer<String> status;
    private final ExecutorService writer = org.attractorlab.app.fx.Workers.single("attractor-lab-export",
            Thread.NORM_PRIORITY);

    /** @param status shows a message in the status bar */
    public ExportViewModel(Consumer<String> status) {
        this.status = status;
    }

    /** Registers a pane; {@code size} gives its figure's size on screen, {width, height}. */
    public void register(String pane, PaneFigure figure, java.util.function.Supplier<double[]> size) {
        panes.put(pane, new Pane(figure, size));
    }

    /** The panes that can be exported, in registration order. */
    public java.util.Set<String> panes() {
        return java.util.Collections.unmodifiableSet(panes.keySet());
    }

    /** Who asks where and how to export (tests replace the dialog). */
    public ObjectProperty<FigureChooser> chooserProperty() {
        return chooser;
    }

    /** The pane last clicked (the keyboard shortcut exports it), or empty. */
    public ReadOnlyStringProperty lastPaneProperty() {
        return lastPane.getReadOnlyProperty();
    }

    public void touched(String pane) {
        if (panes.containsKey(pane)) {
            lastPane.set(pane);
        }
    }

    /** The file last written. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Why the last export failed, or empty. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Exports the pane last clicked (the first pane if none was). */
    public void exportLast(Window owner) {
        String p = lastPane.get().isEmpty() ? panes.keySet().stream().findFirst().orElse("") : lastPane.get();
        if (!p.isEmpty()) {
            export(p, owner);
        }
    }

    /** Asks where and how, then writes the pane's figure. */
    public void export(String pane, Window owner) {
        Pane p = panes.get(pane);
        if (p == null) {
            throw new IllegalArgumentException("no pane '" + pane + "' to export; panes are " + panes.keySet());
        }
        lastPane.set(pane);
        double[] size = p.size().get();
        FigureSize suggested = new FigureSize(clamp(size[0]), clamp(size[1]), FigureSize.DEFAULT_DPI);
        Optional<ExportRequest> answer = chooser.get().choose(pane, suggested, owner);
        if (answer.isEmpty()) {
            return;
        }
        ExportRequest r = answer.get();
        Figure figure = p.figure().create(r.format(), r.size().dpi() / 72.0);
        if (figure == null) {
            fail("Nothing to export in the " + pane + " pane yet");
            return;
        }
        status.accept("Writing " + r.file().getFileName() + "\u2026");
        writer.execute(() -> {
            try {
                FigureWriter.write(figure, r.format(), r.size(), r.file());
                Platform.runLater(() -> {
                    error.set("");
                    written.set(r.file());
                    status.accept("Saved the " + pane + " figure to " + r.file());
                });
            } catch (IOException | RuntimeException e) {
                Platform.runLater(() -> fail("Could not write " + r.file() + ": " + e.getMessage()));
            }
        });
    }

    private void fail(String message) {
        error.set(message);
        status.accept(message);
    }

    private static double clamp(double v) {
        return Math.max(FigureSize.MIN, Math.min(FigureSize.MAX, Math.round(v)));
    }

    public void dispose() {
        writer.shutdown();
    }
}
