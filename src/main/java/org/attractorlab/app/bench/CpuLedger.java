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
                ProcStat st = ProcStat.read(t.resolve("stat"));
                if (st == null) {
                    continue;
                }
                String kind = st.comm().startsWith("GC Thread") || st.comm().startsWith("G1 ") ? "GC"
                        : st.comm().contains("CompilerThre") ? "JIT compiler"
                        : st.comm().startsWith("llvmpipe") ? "software OpenGL (llvmpipe)"
                        : st.comm().equals("VM Thread") ? "VM thread" : null;
                if (kind != null) {
                    out.merge(kind, st.cpuNanos(), Long::sum);
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return out;
    }

    /** The command name and processor time (user + system) of a process or thread, from its /proc stat file. */
    private record ProcStat(String comm, long cpuNanos) {
        /** USER_HZ, the unit of the times in /proc: 100 on every Linux the app runs on. */
        private static final long NANOS_PER_TICK = 1_000_000_000L / 100;

        /** The stat file's fields, or null when it cannot be read (the process or thread ended meanwhile). */
        static ProcStat read(Path stat) {
            try {
                String text = Files.readString(stat);
                int close = text.lastIndexOf(')');
                String comm = text.substring(text.indexOf('(') + 1, close);
                // fields after ")": state(0) ... utime(11) stime(12)
                String[] f = text.substring(close + 2).split(" ");
                return new ProcStat(comm, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * NANOS_PER_TICK);
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }
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
        long total = 0;
        try (Stream<Path> all = Files.list(proc)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (!p.getFileName().toString().chars().allMatch(Character::isDigit)) {
                    continue;
                }
                ProcStat st = ProcStat.read(p.resolve("stat"));
                if (st != null && (st.comm().equals("Xvfb") || st.comm().equals("Xorg"))) {
                    total += st.cpuNanos();
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return total;
    }
}
