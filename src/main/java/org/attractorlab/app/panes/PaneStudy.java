package org.attractorlab.app.panes;

import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.session.AnalysisFrame;

/**
 * The routine an analysis pane's view model repeats around its {@code core.study}: it follows the newest analysis
 * frame; a frame with a new task (or a new probe batch) first resets the settings from the study's defaults, without
 * computing in between, and then computes once; every other frame and every change of a setting computes again. The
 * work runs on a {@link LatestJob} (the newest request wins) and its result, or the error's message, is shown on the
 * FX thread. {@link #dispose()} removes every listener registered here, the view model's own ones included.
 *
 * @param <S> the study's settings
 * @param <T> what the pane shows of a result
 */
public final class PaneStudy<S, T> {
    private final ObservableValue<AnalysisFrame> frames;
    private final LatestJob<T> job;
    private final Disposer disposer = new Disposer();
    private final ReadOnlyObjectWrapper<T> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message;
    private Supplier<S> settings;
    private BiFunction<AnalysisFrame, S, T> compute;
    private boolean resetting;

    /**
     * @param kind    what the study computes, for the work meter
     * @param hint    the message shown before the first frame
     * @param onShown runs on the FX thread after a result (or an error, with nothing shown) has been shown
     */
    public PaneStudy(String kind, String hint, ObservableValue<AnalysisFrame> frames, FrameDrain drain,
                     Executor executor, Runnable onShown) {
        this.frames = frames;
        message = new ReadOnlyStringWrapper(hint);
        job = new LatestJob<>(kind, executor, drain, s -> show(s, "", onShown), e -> show(null, e, onShown));
        disposer.onDispose(job::dispose);
    }

    /**
     * Starts following the frames, the current one at once.
     *
     * @param newTask  whether a frame needs the settings reset (it brings another task or probe batch)
     * @param reset    sets the settings from the study's defaults for such a frame; nothing is computed meanwhile
     * @param settings the settings to compute with, or null while there is nothing to compute (FX thread)
     * @param compute  the computation of a frame (any thread); its exception's message is shown instead
     * @param inputs   the settings' properties: each change computes again
     */
    public void follow(Predicate<AnalysisFrame> newTask, Consumer<AnalysisFrame> reset, Supplier<S> settings,
                       BiFunction<AnalysisFrame, S, T> compute, ObservableValue<?>... inputs) {
        this.settings = settings;
        this.compute = compute;
        listen(frames, (o, a, f) -> onFrame(f, newTask, reset));
        for (ObservableValue<?> p : inputs) {
            listen(p, (o, a, b) -> recompute());
        }
        onFrame(frames.getValue(), newTask, reset);
    }

    private void onFrame(AnalysisFrame f, Predicate<AnalysisFrame> newTask, Consumer<AnalysisFrame> reset) {
        if (f == null) {
            return;
        }
        if (newTask.test(f)) {
            resetting = true;
            try {
                reset.accept(f);
            } finally {
                resetting = false;
            }
        }
        recompute();
    }

    private void recompute() {
        AnalysisFrame f = frames.getValue();
        S s = resetting || f == null ? null : settings.get();
        if (s != null) {
            job.submit(() -> compute.apply(f, s));
        }
    }

    private void show(T s, String text, Runnable onShown) {
        shown.set(s);
        message.set(text);
        onShown.run();
    }

    /** Whether the settings are being reset for a new task (their listeners should not react). */
    public boolean resetting() {
        return resetting;
    }

    /** Adds a listener that {@link #dispose()} removes. */
    public <V> void listen(ObservableValue<V> value, ChangeListener<? super V> listener) {
        disposer.listen(value, listener);
    }

    /** What is shown, or null (before the first frame, or after an error). */
    public ReadOnlyObjectProperty<T> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Why nothing is shown (an error or a hint), or empty. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops delivering results and removes every listener registered here. */
    public void dispose() {
        disposer.dispose();
    }
}
