package org.attractorlab.figure;

import java.awt.Color;
import java.awt.Paint;
import java.io.Serializable;
import org.jfree.chart.renderer.PaintScale;

/**
 * A JFreeChart {@link PaintScale} interpolated linearly between evenly spaced anchor colours: sequential (viridis,
 * perceptually uniform and colour-blind safe) or diverging (ColorBrewer RdBu, blue below the centre, red above).
 * Values outside [lower, upper] take the end colours; NaN is grey. Immutable.
 */
public final class ColourScale implements PaintScale, Serializable {
    /** Viridis (matplotlib) at 0, 0.1, ..., 1. */
    private static final int[] VIRIDIS = {0x440154, 0x482576, 0x414487, 0x35608D, 0x2A788E, 0x21908C, 0x22A884,
            0x43BF71, 0x7AD151, 0xBBDF27, 0xFDE725};
    /** ColorBrewer RdBu, reversed so that low values are blue. */
    private static final int[] RD_BU = {0x053061, 0x2166AC, 0x4393C3, 0x92C5DE, 0xD1E5F0, 0xF7F7F7, 0xFDDBC7,
            0xF4A582, 0xD6604D, 0xB2182B, 0x67001F};
    private static final Color MISSING = new Color(0x8c959f);
    private static final int STEPS = 256;

    /** The kind of scale. */
    public enum Kind {
        /** Low to high, for non-negative quantities (distances, angles). */
        SEQUENTIAL,
        /** Centred on the middle of the range, for signed quantities. */
        DIVERGING
    }

    private final Kind kind;
    private final double lower;
    private final double upper;
    private final Color[] table;

    /**
     * @param lower value of the first colour
     * @param upper value of the last colour; if not above {@code lower}, the range is widened to one unit
     */
    public ColourScale(Kind kind, double lower, double upper) {
        this.kind = kind;
        if (!Double.isFinite(lower)) {
            lower = 0;
        }
        if (!Double.isFinite(upper) || upper <= lower) {
            upper = lower + 1;
        }
        this.lower = lower;
        this.upper = upper;
        int[] anchors = kind == Kind.SEQUENTIAL ? VIRIDIS : RD_BU;
        table = new Color[STEPS];
        for (int i = 0; i < STEPS; i++) {
            double t = i / (STEPS - 1.0) * (anchors.length - 1);
            int a = Math.min((int) t, anchors.length - 2);
            table[i] = mix(anchors[a], anchors[a + 1], t - a);
        }
    }

    /** A diverging scale symmetric about zero that covers [-|m|, |m|] with m the larger magnitude of a and b. */
    public static ColourScale symmetric(double a, double b) {
        double m = Math.max(Math.abs(a), Math.abs(b));
        return new ColourScale(Kind.DIVERGING, -m, m > 0 ? m : 1);
    }

    private static Color mix(int a, int b, double f) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - f) + ((b >> 16) & 255) * f);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - f) + ((b >> 8) & 255) * f);
        int bl = (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
        return new Color(r, g, bl);
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public double getLowerBound() {
        return lower;
    }

    @Override
    public double getUpperBound() {
        return upper;
    }

    @Override
    public Paint getPaint(double value) {
        if (Double.isNaN(value)) {
            return MISSING;
        }
        double t = (value - lower) / (upper - lower);
        int i = (int) Math.round(Math.max(0, Math.min(1, t)) * (STEPS - 1));
        return table[i];
    }

    /** Relative luminance of the colour of {@code value} in [0, 1], to choose a readable text colour on it. */
    public double luminance(double value) {
        Color c = (Color) getPaint(value);
        return (0.2126 * c.getRed() + 0.7152 * c.getGreen() + 0.0722 * c.getBlue()) / 255.0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ColourScale s && s.kind == kind && s.lower == lower && s.upper == upper;
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Double.hashCode(lower) * 17 + Double.hashCode(upper);
    }
}
