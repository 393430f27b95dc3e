package org.attractorlab.app.fx;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;

/** The app's file dialogs, as suppliers the openers call (tests replace them with a fixed answer). */
public final class Choosers {
    private Choosers() {
    }

    /**
     * A directory chooser with {@code title}, opening in {@code start} when that is a directory, over {@code owner}
     * (either supplier may give null); it gives null when cancelled. FX thread.
     */
    public static Supplier<Path> directory(String title, Supplier<Path> start, Supplier<Window> owner) {
        return () -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            Path from = start.get();
            if (from != null && Files.isDirectory(from)) {
                chooser.setInitialDirectory(from.toFile());
            }
            java.io.File f = chooser.showDialog(owner.get());
            return f == null ? null : f.toPath();
        };
    }
}
