package org.attractorlab.core.study;

/**
 * A study refused its settings or its data, with a message for the user: it names the setting or the data at
 * fault, the value, and what is allowed. The message names no command-line flag and no widget: each face says
 * where the value came from if it needs to.
 */
public final class StudyException extends IllegalArgumentException {
    public StudyException(String message) {
        super(message);
    }

    /** "{@code field} = 'value' is not allowed: {@code allowed}". */
    public static StudyException notAllowed(String field, Object value, String allowed) {
        return new StudyException(field + " = " + quote(value) + " is not allowed: " + allowed);
    }

    /** A value as a message shows it: in quotes, cut as {@link org.attractorlab.core.io.Messages#value} cuts it. */
    public static String quote(Object value) {
        return "'" + org.attractorlab.core.io.Messages.value(value) + "'";
    }
}
