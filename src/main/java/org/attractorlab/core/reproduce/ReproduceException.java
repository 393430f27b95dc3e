package org.attractorlab.core.reproduce;

/**
 * A reproduction refused what it was asked (an unknown experiment or scale, a directory that holds something else)
 * or could not finish (runs that failed, Slurm jobs that ended with runs not done), with a message for the user.
 */
public final class ReproduceException extends IllegalArgumentException {
    public ReproduceException(String message) {
        super(message);
    }

    public ReproduceException(String message, Throwable cause) {
        super(message, cause);
    }
}
