package org.attractorlab.core.study;

/**
 * A study refused its settings or its data, with a message for the user: it names the setting or the data at
 * fault, the value, and what is allowed. The message names no command-line flag and no widget: each face says
 * where the value came from if it needs to.
 */
public final class StudyException extends IllegalArgumentException {
    /** The longest part of a value a message quotes. */
    public static final int QUOTE_LIMIT = 80;

    public StudyException(String message) {
        super(message);
    }

    /** "{@code field} = 'value' is not allowed: {@code allowed}". */
    public static StudyException notAllowed(String field, Object value, String allowed) {
        return new StudyException(field + " = " + quote(value) + " is not allowed: " + allowed);
    }

    /** A value as a message shows it: in quotes, cut to {@value #QUOTE_LIMIT} characters with its length after. */
    public static String quote(Object value) {
        String s = String.valueOf(value);
        if (s.length() <= QUOTE_LIMIT) {
            return "'" + s + "'";
        }
        return "'" + s.substring(0, QUOTE_LIMIT) + "...' (" + s.length() + " characters)";
    }
}
