package org.attractorlab.core.reproduce;

/** How a claim of a paper fared here, computed from the numbers of the reproduction. */
public enum Verdict {
    /** The numbers show what the paper states. */
    AGREES("agrees"),
    /** The numbers do not show it; the claim row says how they differ. */
    DIFFERS("differs"),
    /** The analysis exists but this scale cannot test the claim (untrained networks, a missing axis). */
    NOT_TESTED_AT_SCALE("not tested at this scale"),
    /** The analysis the claim needs is not implemented yet; the row names it. */
    NOT_TESTED_YET("not tested yet");

    private final String text;

    Verdict(String text) {
        this.text = text;
    }

    /** As the report writes it. */
    public String text() {
        return text;
    }

    /** The verdict written {@code text}, or null. */
    public static Verdict byText(String text) {
        for (Verdict v : values()) {
            if (v.text.equals(text)) {
                return v;
            }
        }
        return null;
    }
}
