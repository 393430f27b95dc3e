package org.attractorlab.app.shell;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService.Phase;

/** Train / Pause / Resume / Stop / Reset, live speed, elapsed and remaining time, and a progress bar. */
public final class ToolbarView extends ToolBar {
    private final Disposer disposer = new Disposer();

    public ToolbarView(SessionViewModel session) {
        this(session, null);
    }

    /** @param onTheme called with true for the dark theme, false for the light one; null hides the switch */
    public ToolbarView(SessionViewModel session, java.util.function.Consumer<Boolean> onTheme) {
        setId("toolbar");
        Button train = button("train", "Train", "Start training (F5)", session::train);
        Button pause = button("pause", "Pause", "Pause after the current step; everything stays explorable (F6)",
                session::pause);
        Button resume = button("resume", "Resume", "Continue training (F5)", session::resume);
        Button step = button("step", "Step", "Train exactly one step, then pause (F7)", session::step);
        Button stop = button("stop", "Stop", "Stop training; the network stays valid (F8)", session::stop);
        Button reset = button("reset", "Reset", "Discard the trained network and start over", session::reset);
        // the accent colour as text: the toolbar draws its buttons flat, so an accent background would not show
        train.setStyle("-fx-text-fill: -color-accent-fg; -fx-font-weight: bold;");

        ProgressBar progress = new ProgressBar();
        progress.setId("progress");
        progress.setPrefWidth(180);
        progress.progressProperty().bind(session.progressProperty());
        Label speed = new Label();
        speed.setId("speed");
        speed.textProperty().bind(session.speedTextProperty());
        Label time = new Label();
        time.setId("time");
        time.textProperty().bind(session.timeTextProperty());
        disposer.onDispose(() -> {
            progress.progressProperty().unbind();
            speed.textProperty().unbind();
            time.textProperty().unbind();
        });
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox figures = new HBox(12, speed, time, progress);
        if (onTheme != null) {
            javafx.scene.control.ToggleButton theme = new javafx.scene.control.ToggleButton("Dark");
            theme.setId("theme");
            Tips.set(theme, "Switch between the light and the dark theme");
            theme.setOnAction(e -> onTheme.accept(theme.isSelected()));
            figures.getChildren().add(theme);
        }
        figures.setAlignment(Pos.CENTER_RIGHT);
        getItems().addAll(train, pause, resume, step, stop, new Separator(), reset, spacer, figures);

        disposer.listen(session.phaseProperty(), (o, a, p) -> {
            enable(p, train, pause, resume, stop, reset);
            step.setDisable(p != Phase.IDLE && p != Phase.PAUSED);
        });
        enable(session.phaseProperty().get(), train, pause, resume, stop, reset);
    }

    /** Adds "Open session..." (Ctrl+O in the window) and "Open sweep..." beside it at the start of the toolbar. */
    public void addOpenSession(Runnable session, Runnable sweep) {
        Button open = button("open-session", "Open session...",
                "Reopen a saved session or a run directory from train, where it was (Ctrl+O)", session);
        Button openSweep = button("open-sweep", "Open sweep...",
                "Show a sweep directory (from sweep --out) in a window of its own: its runs in a table and a plot of "
                        + "any summary column against any axis, live while it trains", sweep);
        getItems().addAll(0, java.util.List.of(open, openSweep, new Separator()));
    }

    private static void enable(Phase p, Button train, Button pause, Button resume, Button stop, Button reset) {
        train.setDisable(p != Phase.IDLE);
        pause.setDisable(p != Phase.RUNNING);
        resume.setDisable(p != Phase.PAUSED);
        stop.setDisable(p != Phase.RUNNING && p != Phase.PAUSED);
        reset.setDisable(p == Phase.RUNNING);
    }

    private static Button button(String id, String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        Tips.set(b, tip);
        b.setOnAction(e -> action.run());
        return b;
    }

    public void dispose() {
        disposer.dispose();
    }
}
