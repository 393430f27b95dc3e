package org.attractorlab.core.reproduce;

import java.util.Locale;

/**
 * How large a reproduction is: {@code tiny} checks the pipeline end to end in seconds (the networks do not learn),
 * {@code quick} finishes in minutes on two cores and shows the robust results, {@code full} is as close to the
 * paper's scale as is sensible. Each experiment's spec says, as data, what each scale changes.
 */
public enum Scale {
    TINY, QUICK, FULL;

    /** The name in specs and on the command line: tiny, quick, full. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scale named {@code s}; anything else is refused naming the choices. */
    public static Scale parse(String s) {
        for (Scale v : values()) {
            if (v.key().equals(s == null ? "" : s.trim().toLowerCase(Locale.ROOT))) {
                return v;
            }
        }
        throw new ReproduceException("scale = '" + s + "' is not allowed: use tiny, quick or full");
    }
}
