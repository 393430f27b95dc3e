package org.attractorlab.core.analysis.decode;

/**
 * Validation of the decoding options. Messages follow {@code decode.<name> = <value> is not allowed: <what is
 * allowed>}.
 */
final class Checks {
    private Checks() {
    }

    static IllegalArgumentException notAllowed(String name, Object value, String allowed) {
        return new IllegalArgumentException("decode." + name + " = " + org.attractorlab.core.io.Messages.value(value)
                + " is not allowed: " + allowed);
    }

    static void range(String name, int v, int lo, int hi) {
        if (v < lo || v > hi) {
            throw notAllowed(name, v, "use " + lo + ".." + hi);
        }
    }

    static void nonNegative(String name, double v) {
        if (!(v >= 0 && Double.isFinite(v))) {
            throw notAllowed(name, v, "use a finite value >= 0");
        }
    }

    static void positive(String name, double v) {
        if (!(v > 0 && Double.isFinite(v))) {
            throw notAllowed(name, v, "use a finite value > 0");
        }
    }

    /** The regularisation strength of a decoder: >= 0 for ridge, > 0 for the classifiers (whose optimum may not exist otherwise). */
    static void regularization(DecoderType type, double lambda) {
        if (type == DecoderType.RIDGE) {
            nonNegative("regularization", lambda);
        } else if (!(lambda > 0 && Double.isFinite(lambda))) {
            throw notAllowed("regularization", lambda, "use a finite value > 0 for " + type.key()
                    + " (with separable classes the unregularised optimum is at infinity)");
        }
    }

    static String column(String name, String v) {
        if (v == null || v.isBlank()) {
            throw notAllowed(name, v == null ? "null" : "'" + v + "'", "name a condition column");
        }
        return v;
    }
}
