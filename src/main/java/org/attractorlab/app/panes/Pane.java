package org.attractorlab.app.panes;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.layout.BorderPane;
import org.attractorlab.app.export.ExportViewModel;
import org.attractorlab.app.export.PaneExport;
import org.attractorlab.app.export.PaneFigure;
import org.attractorlab.app.session.SettingsRegistry;

/**
 * One pane of the window as the window sees it: its session key ({@link #id()}), its view, its view model, the
 * figure "Export figure..." makes of it and its size on screen, the settings a session saves, the theme switch and
 * the teardown. Each pane's factory ({@code LossPane}, {@code RsaPane}, ...) builds one from a {@link PaneContext};
 * the window loops over its list of panes for placement, exports, settings, theme and dispose. FX thread only.
 *
 * @param <M> the pane's view model
 */
public final class Pane<M> {
    private final String id;
    private final BorderPane view;
    private final M viewModel;
    private final Runnable disposeView;
    private final Runnable disposeViewModel;
    private PaneFigure figure;
    private Supplier<double[]> size;
    private Consumer<SettingsRegistry> settings = r -> {
    };
    private Consumer<Boolean> theme = d -> {
    };

    private Pane(String id, BorderPane view, M viewModel, Runnable disposeView, Runnable disposeViewModel) {
        this.id = Objects.requireNonNull(id);
        this.view = Objects.requireNonNull(view);
        this.viewModel = Objects.requireNonNull(viewModel);
        this.disposeView = disposeView;
        this.disposeViewModel = disposeViewModel;
        this.size = () -> readableSize(view);
    }

    /**
     * A pane with no figure, no saved settings and nothing to do on a theme switch (the charts are rethemed by the
     * window); add them with {@link #figure}, {@link #settings} and {@link #onTheme}.
     *
     * @param id               the session key ("rsa"): the pane's name in session.json and in the export registry
     * @param disposeView      the view's teardown, run first
     * @param disposeViewModel the view model's teardown, run after the view's
     */
    public static <M> Pane<M> of(String id, BorderPane view, M viewModel, Runnable disposeView,
                                 Runnable disposeViewModel) {
        return new Pane<>(id, view, viewModel, disposeView, disposeViewModel);
    }

    /** The figure "Export figure..." writes, at the pane's size on screen, at least a readable figure's. */
    public Pane<M> figure(PaneFigure figure) {
        this.figure = Objects.requireNonNull(figure);
        return this;
    }

    /** The figure "Export figure..." writes and its size in points. */
    public Pane<M> figure(PaneFigure figure, Supplier<double[]> size) {
        this.figure = Objects.requireNonNull(figure);
        this.size = Objects.requireNonNull(size);
        return this;
    }

    /** Registers the settings a session saves, under this pane's id. */
    public Pane<M> settings(Consumer<SettingsRegistry> register) {
        this.settings = Objects.requireNonNull(register);
        return this;
    }

    /** What the pane does itself on a theme switch (beyond the charts the window rethemes). */
    public Pane<M> onTheme(Consumer<Boolean> dark) {
        this.theme = Objects.requireNonNull(dark);
        return this;
    }

    /** The session key: "loss", "pca3d", "behaviour", "fixed-points", "rsa", "angles" or "decoding". */
    public String id() {
        return id;
    }

    public BorderPane view() {
        return view;
    }

    public M viewModel() {
        return viewModel;
    }

    /** Puts "Export figure..." on the pane and registers its figure, if it has one. */
    public void registerExport(ExportViewModel exports) {
        if (figure == null) {
            return;
        }
        PaneExport.attach(exports, id, view);
        exports.register(id, figure, size);
    }

    /** Registers the pane's saved settings on {@code registry}. */
    public void registerSettings(SettingsRegistry registry) {
        settings.accept(registry);
    }

    public void setDark(boolean dark) {
        theme.accept(dark);
    }

    /** Disposes the view, then the view model. */
    public void dispose() {
        disposeView.run();
        disposeViewModel.run();
    }

    /** A pane's size on screen, at least a readable figure's. */
    public static double[] readableSize(javafx.scene.layout.Region r) {
        return new double[]{Math.max(420, r.getWidth()), Math.max(320, r.getHeight())};
    }
}
