package org.attractorlab.app.session;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;
import javafx.beans.value.ChangeListener;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.SessionState;
import org.attractorlab.core.train.TrainingStatus;

/**
 * Keeps the window's session on disk and brings a saved one back: autosaves on pause, on finish and every minute
 * while training ({@link #saveNow}), builds the {@link SessionState} session.json stores (layout, history position,
 * selection, pane settings) and applies a saved one when a session reopens ({@link #restore}), going back in the
 * history once the newest network is on screen. FX thread only.
 */
public final class SessionKeeper {
    private static final long AUTOSAVE_NANOS = 60_000_000_000L;

    /**
     * What the keeper reads from and sets on the window besides the session, the selection and the pane settings.
     *
     * @param layout        the divider positions now
     * @param setLayout     sets saved divider positions
     * @param historyStep   the step the history bar shows, or -1 when it follows training
     * @param selectHistory goes to the history snapshot of this index
     */
    public record Window(Supplier<double[]> layout, Consumer<double[]> setLayout, IntSupplier historyStep,
                         IntConsumer selectHistory) {
    }

    private final SessionViewModel session;
    private final AnalysisHub analysis;
    private final SelectionModel selection;
    private final SettingsRegistry settings;
    private final Window window;
    private final Autosave autosave;
    private final List<TrainingStatus> statusLog = new ArrayList<>();
    private final List<Runnable> removers = new ArrayList<>();
    private long lastSave = System.nanoTime();
    /** Statuses in the log when the session was opened; -1 for a session started here. */
    private int openedLogSize = -1;
    /** True while a saved session replaces the current one: no autosave in between. */
    private boolean restoring;
    private ChangeListener<AnalysisFrame> pendingHistory;

    /** Autosaves the sessions of {@code session} under {@code root}. */
    public SessionKeeper(SessionViewModel session, AnalysisHub analysis, SelectionModel selection, FrameDrain drain,
                         SettingsRegistry settings, Window window, Path root) {
        this.session = session;
        this.analysis = analysis;
        this.selection = selection;
        this.settings = settings;
        this.window = window;
        this.autosave = new Autosave(root);
        removers.add(session.addServiceListener(s -> {
            statusLog.clear();
            openedLogSize = -1;
            autosave.begin(s.experiment());
        }));
        removers.add(session.addStatusListener(statusLog::addAll));
        ChangeListener<TrainingService.Phase> phase = (o, a, p) -> {
            if (p == TrainingService.Phase.PAUSED || p == TrainingService.Phase.FINISHED) {
                saveNow();
            }
        };
        session.phaseProperty().addListener(phase);
        removers.add(() -> session.phaseProperty().removeListener(phase));
        removers.add(drain.register(() -> {
            if (session.phaseProperty().get() == TrainingService.Phase.RUNNING
                    && System.nanoTime() - lastSave > AUTOSAVE_NANOS) {
                saveNow();
            }
        }));
    }

    /** Where this session is autosaved. */
    public Path directory() {
        return autosave.directory();
    }

    /**
     * Saves the session now (in the background): config, log, model, history checkpoints, and session.json. A
     * reopened session that has not trained since keeps its run files as they are and gets only its session.json
     * rewritten.
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
        List<TrainingService.Snapshot> history = s.history();
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
        autosave.save(s.experiment(), List.copyOf(statusLog), history, parameters, captureState(), runChanged);
    }

    /** Waits until the saves asked for so far are on disk. */
    public void flush() {
        autosave.flush();
    }

    /** The layout, history position, selection and pane settings, as session.json stores them. */
    public SessionState captureState() {
        var c = selection.conditionProperty().get();
        var sel = new SessionState.Selection(new ArrayList<>(new TreeSet<>(selection.trialsProperty().get())),
                c == null ? null : c.column(), c == null ? Double.NaN : c.value(),
                selection.fixedPointProperty().get(), selection.timeStepProperty().get(),
                selection.colorByProperty().get());
        return new SessionState(window.layout().get(), window.historyStep().getAsInt(), sel, settings.capture());
    }

    /** Switches to a session read in full: training state first, then layout, settings, selection, history. */
    public void restore(SavedSession saved) {
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
            window.setLayout().accept(st.layout());
        }
        List<String> problems = settings.apply(st.panes());
        SessionState.Selection sel = st.selection();
        selection.selectTrials(new HashSet<>(sel.trials()));
        if (sel.conditionColumn() != null) {
            selection.conditionProperty().set(new SelectionModel.Condition(sel.conditionColumn(), sel.conditionValue()));
        }
        if (sel.colorBy() != null) {
            selection.colorByProperty().set(sel.colorBy());
        }
        selection.timeStepProperty().set(sel.timeStep());
        selection.fixedPointProperty().set(sel.fixedPoint());
        dropPendingHistory();
        if (st.historyStep() >= 0) {
            // once the newest network is on screen (its PCA basis is the history's reference), go back in time
            pendingHistory = (o, a, f) -> {
                if (f != null && f.live()) {
                    dropPendingHistory();
                    List<TrainingService.Snapshot> h = session.serviceProperty().get().history();
                    for (int i = 0; i < h.size(); i++) {
                        if (h.get(i).step() == st.historyStep()) {
                            window.selectHistory().accept(i);
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

    private void dropPendingHistory() {
        if (pendingHistory != null) {
            analysis.frameProperty().removeListener(pendingHistory);
            pendingHistory = null;
        }
    }

    /** Saves one last time, waits for nothing more, and removes every listener. */
    public void close() {
        saveNow();
        autosave.close();
        dropPendingHistory();
        removers.forEach(Runnable::run);
        removers.clear();
    }
}
