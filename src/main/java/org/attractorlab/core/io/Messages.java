package org.attractorlab.core.io;

/** How a message shows a value the user gave: never the whole of a long one. */
public final class Messages {
    /** The longest part of a value a message quotes. */
    public static final int QUOTE_LIMIT = 80;

    private Messages() {
    }

    /**
     * A value as a message shows it: its text when it has at most {@value #QUOTE_LIMIT} characters, else its first
     * {@value #QUOTE_LIMIT} characters, "..." and its length ("[0.1, 0.2, ... (2400000 characters)").
     */
    public static String value(Object value) {
        String s = String.valueOf(value);
        return s.length() <= QUOTE_LIMIT ? s : s.substring(0, QUOTE_LIMIT) + "... (" + s.length() + " characters)";
    }
}
