package org.attractorlab.app.session;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.core.run.SavedSession;
import org.attractorlab.core.run.SessionException;

/**
 * "Open session...": asks the chooser for a run directory, reads it in full in the background
 * ({@link SavedSession#read}) and hands the result to the window on the FX thread. A session that cannot be read
 * is reported in {@link #errorProperty()} (naming the file) and nothing changes: the current session goes on and
 * the unreadable directory is never written to. Tests replace the chooser with {@link #setChooser}.
 */
public final class SessionOpener {
    private final LatestJob<SavedSession> job;
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper opened = new ReadOnlyStringWrapper("");
    private Supplier<Path> chooser = () -> null;

    /** @param onRead called on the FX thread with every session read in full */
    public SessionOpener(FrameDrain drain, java.util.concurrent.Executor executor, Consumer<SavedSession> onRead) {
        job = new LatestJob<>("open session", executor, drain, s -> {
            busy.set(false);
            error.set("");
            onRead.accept(s);
            opened.set(s.dir().toString());
        }, message -> {
            busy.set(false);
            error.set(message);
        });
    }

    /** Where "Open session..." gets its directory (null: cancelled). The app shows a directory chooser. */
    public void setChooser(Supplier<Path> chooser) {
        this.chooser = chooser;
    }

    /**
     * The app's chooser: a directory chooser titled "Open session (a run directory)", opening in {@code start}
     * when that is a directory, over {@code owner} (either may give null).
     */
    public static Supplier<Path> directoryChooser(Supplier<Path> start, Supplier<javafx.stage.Window> owner) {
        return org.attractorlab.app.fx.Choosers.directory("Open session (a run directory)", start, owner);
    }

    /** Asks the chooser for a directory and opens it. */
    public void chooseAndOpen() {
        Path dir = chooser.get();
        if (dir != null) {
            open(dir);
        }
    }

    /** Reads {@code dir} in the background; the window switches to it once it is read in full. */
    public void open(Path dir) {
        busy.set(true);
        error.set("");
        job.submit(() -> {
            try {
                return SavedSession.read(dir);
            } catch (SessionException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        });
    }

    /** Why the last session could not be opened (naming the file), or "". */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** True while a session is being read. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The directory of the last session opened, or "". */
    public ReadOnlyStringProperty openedProperty() {
        return opened.getReadOnlyProperty();
    }

    public void dispose() {
        job.dispose();
    }
}
