package org.attractorlab.app.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the processor time of a benchmark run went: the CPU time of every live Java thread, grouped by thread name
 * (trailing numbers dropped, so the training workers or renderer threads add up), the JVM's own and native threads
 * by kind (garbage collector, JIT compiler, software OpenGL; from {@code /proc/self/task} on Linux), and the X
 * server (the processes named {@code Xvfb} or {@code Xorg}). Take one with {@link #now()} before a run and
 * {@link #since} after it.
 */
final class CpuLedger {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Map<Long, String> names = new LinkedHashMap<>();
    private final Map<Long, Long> threadNanos = new LinkedHashMap<>();
    private final long processNanos;
    private final long xServerNanos;
    private final Map<String, Long> nativeNanos;

    private CpuLedger() {
        for (long id : THREADS.getAllThreadIds()) {
            long t = THREADS.getThreadCpuTime(id);
            ThreadInfo info = THREADS.getThreadInfo(id);
            if (t >= 0 && info != null) {
                threadNanos.put(id, t);
                names.put(id, group(info.getThreadName()));
            }
        }
        processNanos = processCpu();
        xServerNanos = xServerCpu();
        nativeNanos = nativeThreads();
    }

    /**
     * CPU time of the JVM's own threads and of native threads, by kind (garbage collector, JIT compiler, software
     * OpenGL), read from /proc/self/task on Linux; empty elsewhere.
     */
    private static Map<String, Long> nativeThreads() {
        Map<String, Long> out = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return out;
        }
        try (Stream<Path> all = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) all::iterator) {
                try {
                    String stat = Files.readString(t.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String kind = comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? "GC"
                            : comm.contains("CompilerThre") ? "JIT compiler"
                            : comm.startsWith("llvmpipe") ? "software OpenGL (llvmpipe)"
                            : comm.equals("VM Thread") ? "VM thread" : null;
                    if (kind != null) {
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                        out.merge(kind, ticks * 10_000_000L, Long::sum);
                    }
                } catch (IOException | RuntimeException e) {
                    // a thread that ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    static CpuLedger now() {
        return new CpuLedger();
    }

    /** Thread name without its trailing numbers and separators: "QuantumRenderer-0" becomes "QuantumRenderer". */
    static String group(String name) {
        return name.replaceAll("[-_ #]*\\d+$", "");
    }

    /**
     * Seconds of processor time spent since {@code before}: Java threads by group, largest first; then the JVM's own
     * and native threads by kind (GC, JIT compiler, VM thread, software OpenGL), "rest of the process" (threads that
     * ended between the readings, others), and "X server" when it could be read.
     */
    Map<String, Double> since(CpuLedger before) {
        Map<String, Double> byGroup = new TreeMap<>();
        double threadSum = 0;
        for (var e : threadNanos.entrySet()) {
            long start = before.threadNanos.getOrDefault(e.getKey(), 0L);
            double s = (e.getValue() - start) / 1e9;
            if (s > 0) {
                byGroup.merge(names.get(e.getKey()), s, Double::sum);
                threadSum += s;
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        byGroup.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.005).forEach(e -> out.put(e.getKey(), e.getValue()));
        double nativeSum = 0;
        for (var e : nativeNanos.entrySet()) {
            double sec = (e.getValue() - before.nativeNanos.getOrDefault(e.getKey(), 0L)) / 1e9;
            out.put(e.getKey(), sec);
            nativeSum += sec;
        }
        if (processNanos > 0 && before.processNanos > 0) {
            out.put("rest of the process", Math.max(0, (processNanos - before.processNanos) / 1e9 - threadSum - nativeSum));
        }
        if (xServerNanos >= 0 && before.xServerNanos >= 0) {
            out.put("X server", (xServerNanos - before.xServerNanos) / 1e9);
        }
        return out;
    }

    private static long processCpu() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    /** CPU time of the X server processes in nanoseconds, or -1 where /proc cannot tell. */
    private static long xServerCpu() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return -1;
        }
        long ticksPerSecond = 100; // USER_HZ, 100 on every Linux the app runs on
        long total = 0;
        try (Stream<Path> all = Files.list(proc)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                String pid = p.getFileName().toString();
                if (!pid.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(p.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String comm = stat.substring(open + 1, close);
                    if (!comm.equals("Xvfb") && !comm.equals("Xorg")) {
                        continue;
                    }
                    String[] f = stat.substring(close + 2).split(" ");
                    // fields after ")": state(0) ... utime(11) stime(12)
                    total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (IOException | RuntimeException e) {
                    // a process that ended meanwhile
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total * (1_000_000_000L / ticksPerSecond);
    }
}
