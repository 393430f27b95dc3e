package org.attractorlab.sensory.render;

import java.io.IOException;

/** A stimulus directory cannot be written (not empty without force, a file in the way); the message names it. */
public final class StimulusDirectoryException extends IOException {
    public StimulusDirectoryException(String message) {
        super(message);
    }
}
