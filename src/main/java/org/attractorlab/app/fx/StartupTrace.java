package org.attractorlab.app.fx;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where the app's start-up time goes: with {@code -Dattractorlab.startupTrace=true}, named marks (main entered, FX
 * toolkit up, each pane built, first frame, ...) and, once the window is ready, one line each on standard error with
 * the milliseconds since the JVM started. Without the property, {@link #mark} does nothing. A measuring aid, not
 * part of what the window does; the {@code --smoke} check prints the report.
 */
public final class StartupTrace {
    /** The system property that turns the marks on. */
    public static final String PROPERTY = "attractorlab.startupTrace";

    private static final boolean ON = Boolean.getBoolean(PROPERTY);
    private static final List<String> NAMES = new ArrayList<>();
    private static final List<Long> TIMES = new ArrayList<>();
    /** Marks beyond this many are dropped: a traced window that keeps running does not grow the list. */
    private static final int MAX_MARKS = 200;

    private StartupTrace() {
    }

    /** Records {@code name} at the current time, when the trace is on. Any thread. */
    public static void mark(String name) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        synchronized (NAMES) {
            if (NAMES.size() >= MAX_MARKS) {
                return;
            }
            NAMES.add(name);
            TIMES.add(now);
        }
    }

    /** Whether the trace is on. */
    public static boolean on() {
        return ON;
    }

    /** The marks so far, one "startup: 1234 ms  name" line each (ms since the JVM started); empty when off. */
    public static List<String> report() {
        List<String> lines = new ArrayList<>();
        if (!ON) {
            return lines;
        }
        // the JVM's start on the nanoTime scale: now minus the uptime
        long jvmStart = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        synchronized (NAMES) {
            for (int i = 0; i < NAMES.size(); i++) {
                lines.add(String.format(Locale.ROOT, "startup: %6d ms  %s", (TIMES.get(i) - jvmStart) / 1_000_000L,
                        NAMES.get(i)));
            }
        }
        return lines;
    }
}
