package org.attractorlab.core.sweep;

/** A sweep spec, a sweep directory or a backend refused what it was asked, with a message for the user. */
public final class SweepException extends IllegalArgumentException {
    public SweepException(String message) {
        super(message);
    }

    public SweepException(String message, Throwable cause) {
        super(message, cause);
    }
}
