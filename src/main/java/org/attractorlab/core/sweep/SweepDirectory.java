package org.attractorlab.core.sweep;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.BoundedFiles;
import org.attractorlab.core.io.Csv;

/**
 * A sweep's directory: {@code sweep.json} (the resolved spec), {@code manifest.csv} (each run's point and state),
 * {@code runs/NNNN-<name>/} (ordinary run directories, each with a {@link RunRecord} when it has ended) and
 * {@code sweep.lock}, which one process at a time holds while it trains runs. The run records are the truth; the
 * manifest is rewritten from them.
 */
public final class SweepDirectory {
    public static final String SPEC_FILE = "sweep.json";
    public static final String MANIFEST_FILE = "manifest.csv";
    public static final String RUNS_DIR = "runs";
    public static final String LOCK_FILE = "sweep.lock";

    /** Where a run is. */
    public enum RunState {
        /** not started */
        PENDING,
        /** started and not ended: killed, cancelled, or running now (here or on a cluster node) */
        UNFINISHED,
        /** training in this process now */
        RUNNING,
        DONE,
        FAILED;

        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final Path dir;
    private final SweepPlan plan;

    private SweepDirectory(Path dir, SweepPlan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /**
     * A directory for {@code plan}: a new one (created, with {@code sweep.json}), or the same sweep again (to resume
     * it). Refuses a directory that holds another sweep, or files that are not a sweep's.
     */
    public static SweepDirectory prepare(Path dir, SweepPlan plan) {
        String json = plan.spec().toJson();
        Path spec = dir.resolve(SPEC_FILE);
        try {
            if (Files.isRegularFile(spec)) {
                String existing = new String(BoundedFiles.read(spec, BoundedFiles.CONFIG_LIMIT, SPEC_FILE),
                        StandardCharsets.UTF_8);
                if (!existing.equals(json)) {
                    throw new SweepException(dir + " holds another sweep (its " + SPEC_FILE + " differs from this "
                            + "spec); resume it with `sweep " + dir + "`, or give a new directory");
                }
                Files.createDirectories(dir.resolve(RUNS_DIR));
                return new SweepDirectory(dir, plan);
            }
            if (Files.isDirectory(dir)) {
                try (var s = Files.list(dir)) {
                    if (s.findAny().isPresent()) {
                        throw new SweepException(dir + " is not empty and holds no sweep; give a new or empty "
                                + "directory");
                    }
                }
            } else if (Files.exists(dir)) {
                throw new SweepException(dir + " is a file, not a directory");
            }
            Files.createDirectories(dir.resolve(RUNS_DIR));
            AtomicFiles.writeString(spec, json);
            return new SweepDirectory(dir, plan);
        } catch (IOException e) {
            throw new SweepException("cannot write the sweep directory " + dir + ": " + describe(e), e);
        }
    }

    /** Opens an existing sweep directory (its spec is read from {@code sweep.json}). */
    public static SweepDirectory open(Path dir) {
        Path spec = dir.resolve(SPEC_FILE);
        String text;
        try {
            text = new String(BoundedFiles.read(spec, BoundedFiles.CONFIG_LIMIT, SPEC_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SweepException(dir + " is not a sweep directory: it has no " + SPEC_FILE);
        } catch (IOException e) {
            throw new SweepException(spec + ": " + describe(e), e);
        }
        SweepSpec s;
        try {
            s = SweepSpec.parse(text, dir);
        } catch (SweepException e) {
            throw new SweepException(spec + ": " + e.getMessage(), e);
        }
        return new SweepDirectory(dir, SweepPlan.unchecked(s));
    }

    /** Whether {@code dir} looks like a sweep directory (it has {@code sweep.json}). */
    public static boolean isSweep(Path dir) {
        return Files.isRegularFile(dir.resolve(SPEC_FILE));
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        return e instanceof NoSuchFileException ? "no such file or directory " + m
                : e instanceof java.nio.file.AccessDeniedException ? "permission denied: " + m
                : m == null ? e.toString() : m;
    }

    public Path dir() {
        return dir;
    }

    public SweepPlan plan() {
        return plan;
    }

    /** The run directory of a point. */
    public Path runDir(SweepPoint p) {
        return dir.resolve(RUNS_DIR).resolve(p.name());
    }

    /** The record of a point's run, or null; an unreadable record counts as none (the run is done again). */
    public RunRecord record(SweepPoint p) {
        try {
            return RunRecord.read(runDir(p));
        } catch (IOException e) {
            return null;
        }
    }

    /** Where a point's run is, from its files. */
    public RunState state(SweepPoint p, RunRecord r) {
        if (r != null) {
            return r.state() == RunRecord.State.DONE ? RunState.DONE : RunState.FAILED;
        }
        return Files.isDirectory(runDir(p)) ? RunState.UNFINISHED : RunState.PENDING;
    }

    /** The lock that lets one process at a time train this sweep's runs; released by close (or by the process's end). */
    public AutoCloseable lock() {
        Path f = dir.resolve(LOCK_FILE);
        try {
            FileChannel ch = FileChannel.open(f, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new SweepException("another sweep process is working on " + dir + "; wait for it to end (or "
                        + "stop it) before running this sweep again");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                ch.close();
            };
        } catch (IOException e) {
            throw new SweepException("cannot lock " + f + ": " + describe(e), e);
        }
    }

    /**
     * Rewrites {@code manifest.csv}: index, name, state, message, then the axes.
     *
     * @param running indices of runs training in this process now
     */
    public void writeManifest(java.util.Set<Integer> running) throws IOException {
        List<String> axes = plan.spec().axisNames();
        List<String> header = new ArrayList<>(List.of("index", "run", "state", "message"));
        header.addAll(axes);
        List<List<?>> rows = new ArrayList<>();
        for (SweepPoint p : plan.points()) {
            RunRecord r = record(p);
            RunState st = running.contains(p.index()) ? RunState.RUNNING : state(p, r);
            List<Object> row = new ArrayList<>(List.of(p.index(), p.name(), st.key(), r == null ? "" : r.message()));
            for (String a : axes) {
                row.add(p.axes().getOrDefault(a, ""));
            }
            rows.add(row);
        }
        Csv.write(dir.resolve(MANIFEST_FILE), header, rows);
    }

    /** Counts of runs by state. */
    public Map<RunState, Integer> counts() {
        Map<RunState, Integer> out = new java.util.EnumMap<>(RunState.class);
        for (SweepPoint p : plan.points()) {
            out.merge(state(p, record(p)), 1, Integer::sum);
        }
        return out;
    }
}
