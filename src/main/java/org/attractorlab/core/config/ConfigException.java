package org.attractorlab.core.config;

/**
 * A configuration error a user can fix: malformed JSON, an unknown key, a value of the wrong type or out of range,
 * a bad {@code --set} override. The message names the source file (when there is one), the field, the bad value
 * and what is allowed; it is meant to be shown as is.
 */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
