package org.attractorlab.sensory.render;

/** Rendering is not possible here (no display, no 3D support) or failed; the message says what to do. */
public final class RenderException extends RuntimeException {
    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
