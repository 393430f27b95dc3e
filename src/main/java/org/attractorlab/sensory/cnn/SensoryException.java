package org.attractorlab.sensory.cnn;

/** A problem with a model file, a layer name or a stimulus set, with a message that names it. */
public final class SensoryException extends RuntimeException {
    public SensoryException(String message) {
        super(message);
    }

    public SensoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
