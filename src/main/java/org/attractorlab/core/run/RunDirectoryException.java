package org.attractorlab.core.run;

import java.io.IOException;

/** A run directory that cannot be used as asked: not empty, not a directory, or missing its files. */
public class RunDirectoryException extends IOException {
    private static final long serialVersionUID = 1L;

    public RunDirectoryException(String message) {
        super(message);
    }
}
