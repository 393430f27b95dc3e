package org.attractorlab.core.run;

import java.io.IOException;
import java.nio.file.Path;

/** A saved session that cannot be opened: the message says why and {@link #file()} names the file at fault. */
public class SessionException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;

    /** @param file the file that could not be read (or the directory, when no one file is at fault) */
    public SessionException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    public SessionException(Path file, String message) {
        this(file, message, null);
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }
}
