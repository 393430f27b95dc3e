package org.attractorlab.app.fx;

/**
 * Lets an update through at most once per slot of a fixed grid of wall time ({@code System.nanoTime()} divided into
 * periods). Updates of different panes behind gates of the same period (or of periods that divide each other) thus
 * fall in the same frame, and the window is repainted once for all of them. One thread (the FX thread).
 */
public final class GridGate {
    private final long periodNanos;
    private long lastSlot = Long.MIN_VALUE;

    public GridGate(long periodNanos) {
        if (periodNanos <= 0) {
            throw new IllegalArgumentException("the period must be > 0 ns, got " + periodNanos);
        }
        this.periodNanos = periodNanos;
    }

    /** True when {@code nowNanos} lies in a later slot than the last time this returned true (and marks it used). */
    public boolean open(long nowNanos) {
        long slot = Math.floorDiv(nowNanos, periodNanos);
        if (slot == lastSlot) {
            return false;
        }
        lastSlot = slot;
        return true;
    }
}
