package org.attractorlab.core.reproduce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.attractorlab.core.config.RecordTrees;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.BoundedFiles;
import org.attractorlab.core.sweep.LocalSweep;
import org.attractorlab.core.sweep.SlurmBackend;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepException;
import org.attractorlab.core.sweep.SweepPlan;
import org.attractorlab.core.sweep.SweepSpec;

/**
 * Runs a named experiment end to end: its sweeps (shipped in {@code samples/reproduce/NAME.json}, changed by the
 * scale) through the sweep machinery, locally or on Slurm, resuming a directory that holds the same reproduction;
 * then the experiment's analyses through the study layer, its figures through a {@link FigureSink}, and
 * {@code DIR/report.md} (with {@code report.json}, the same content for the app).
 *
 * <p>A reproduction directory holds {@value #FILE} (the experiment and scale), {@code sweeps/NAME/} (one sweep
 * directory per sweep of the experiment), the figures ({@code .png} and {@code .pdf}) and the reports.
 */
public final class Reproduction {
    /** The file that marks a reproduction directory. */
    public static final String FILE = "reproduce.json";
    /** The folder of the sweep directories. */
    public static final String SWEEPS_DIR = "sweeps";
    /** How often the Slurm backend looks at the run records while it waits. */
    private static final long POLL_MILLIS = 2000;
    /** How often it asks Slurm whether the jobs still run. */
    private static final long SLURM_CHECK_MILLIS = 15_000;

    private Reproduction() {
    }

    /** Where the runs train. */
    public enum Backend {
        LOCAL, SLURM;

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * What to reproduce, where and how.
     *
     * @param experiment one of {@link ReproduceSpec#NAMES}
     * @param dir        the reproduction's directory (new, empty, or holding the same reproduction)
     * @param scale      tiny, quick or full
     * @param backend    local or slurm
     * @param workers    local: runs trained at once, &gt;= 1
     * @param slurm      slurm: the job options (null with the local backend)
     * @param awaitRuns  slurm: wait for the runs, then analyse; false: submit and return (run again to analyse)
     */
    public record Settings(String experiment, Path dir, Scale scale, Backend backend, int workers,
                           SlurmBackend.Options slurm, boolean awaitRuns) {
        public Settings {
            if (!ReproduceSpec.NAMES.contains(experiment)) {
                throw new ReproduceException("experiment = '" + experiment + "' is not allowed: use one of "
                        + String.join(", ", ReproduceSpec.NAMES));
            }
            Objects.requireNonNull(dir, "dir");
            Objects.requireNonNull(scale, "scale");
            Objects.requireNonNull(backend, "backend");
            if (workers < 1) {
                throw new ReproduceException("workers = " + workers + " is not allowed: use at least 1");
            }
            if (backend == Backend.SLURM && slurm == null) {
                throw new ReproduceException("the Slurm backend needs its options");
            }
        }

        /** The local backend on {@code workers} workers. */
        public static Settings local(String experiment, Path dir, Scale scale, int workers) {
            return new Settings(experiment, dir, scale, Backend.LOCAL, workers, null, false);
        }
    }

    /**
     * How it went.
     *
     * @param report      {@code DIR/report.md}, or null when the runs were submitted and not waited for
     * @param claims      the claims with their verdicts (empty without a report)
     * @param figures     the figure files written
     * @param seconds     wall time of this invocation
     * @param failedRuns  runs that failed or are not done, with their messages
     * @param summary     one line
     */
    public record Result(Path report, List<Claim> claims, List<Path> figures, double seconds,
                         List<String> failedRuns, String summary) {
        public Result {
            claims = List.copyOf(claims);
            figures = List.copyOf(figures);
            failedRuns = List.copyOf(failedRuns);
        }
    }

    /** Each experiment's name and one-line description, in {@link ReproduceSpec#NAMES} order. */
    public static Map<String, String> list() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String n : ReproduceSpec.NAMES) {
            ReproduceSpec s = ReproduceSpec.load(n);
            m.put(n, s.description() + " (" + s.paper() + ")");
        }
        return m;
    }

    /** Whether {@code dir} is a reproduction directory (it has {@value #FILE}). */
    public static boolean isReproduction(Path dir) {
        return Files.isRegularFile(dir.resolve(FILE));
    }

    /** The sweep directories of a reproduction directory, by sweep name, in the experiment's order. */
    public static Map<String, Path> sweepsOf(Path dir) throws IOException {
        JsonNode root = readMarker(dir);
        Map<String, Path> out = new LinkedHashMap<>();
        JsonNode sweeps = root.get("sweeps");
        if (sweeps != null) {
            for (JsonNode n : sweeps) {
                Path p = dir.resolve(SWEEPS_DIR).resolve(n.asText());
                if (SweepDirectory.isSweep(p)) {
                    out.put(n.asText(), p);
                }
            }
        }
        return out;
    }

    /**
     * Runs the reproduction.
     *
     * @param figures draws the figures
     * @param log     one line per step (sweeps, runs ending, analyses, files)
     * @param stop    set to stop training or the analyses (the runs stay resumable; no report is written)
     * @throws ReproduceException for a directory that holds something else, a sweep that cannot be prepared, a
     *                            Slurm submission that fails or jobs that end with runs not done
     */
    public static Result run(Settings s, FigureSink figures, Consumer<String> log, AtomicBoolean stop)
            throws IOException {
        long t0 = System.nanoTime();
        ReproduceSpec spec = ReproduceSpec.load(s.experiment());
        Map<String, SweepSpec> specs = spec.sweepSpecs(s.scale());
        Map<String, SweepPlan> plans = new LinkedHashMap<>();
        try {
            specs.forEach((k, v) -> plans.put(k, SweepPlan.of(v)));
        } catch (SweepException e) {
            throw new ReproduceException(spec.name() + " at scale " + s.scale().key() + ": " + e.getMessage(), e);
        }
        prepareDirectory(s, spec, plans.keySet());
        Map<String, SweepDirectory> sweeps = new LinkedHashMap<>();
        for (var e : plans.entrySet()) {
            try {
                sweeps.put(e.getKey(), SweepDirectory.prepare(s.dir().resolve(SWEEPS_DIR).resolve(e.getKey()),
                        e.getValue()));
            } catch (SweepException ex) {
                throw new ReproduceException("sweep " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
        int total = plans.values().stream().mapToInt(SweepPlan::size).sum();
        log.accept(String.format(Locale.ROOT, "Reproducing %s at scale %s in %s: %d sweep%s, %d runs (%s)",
                spec.name(), s.scale().key(), s.dir(), sweeps.size(), sweeps.size() == 1 ? "" : "s", total,
                s.backend() == Backend.LOCAL ? s.workers() + " worker" + (s.workers() == 1 ? "" : "s")
                        : "Slurm"));
        Timings timings = new Timings();
        long trainStart = System.nanoTime();
        List<String> notDone = new ArrayList<>();
        if (s.backend() == Backend.LOCAL) {
            for (var e : sweeps.entrySet()) {
                train(e.getKey(), e.getValue(), s.workers(), log, stop, timings);
                if (stop.get()) {
                    return stopped(t0, "training stopped; run the same command again to resume");
                }
            }
        } else {
            int before = done(sweeps);
            timings.doneBefore = before;
            submit(sweeps, s.slurm(), log);
            if (!s.awaitRuns()) {
                return stopped(t0, "submitted; run the same command again when the jobs have ended to write the "
                        + "report");
            }
            await(sweeps, log, stop);
            if (stop.get()) {
                return stopped(t0, "stopped waiting; the jobs go on, run the same command again to write the report");
            }
            timings.trainedHere = done(sweeps) - before;
        }
        timings.trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        for (var e : sweeps.entrySet()) {
            for (var p : e.getValue().plan().points()) {
                var r = e.getValue().record(p);
                if (e.getValue().state(p, r) != SweepDirectory.RunState.DONE) {
                    notDone.add(e.getKey() + "/" + p.name() + (r != null && r.message() != null
                            && !r.message().isEmpty() ? ": " + r.message() : " (" + e.getValue().state(p, r).key()
                            + ")"));
                }
            }
        }
        long analysisStart = System.nanoTime();
        log.accept("Analysing " + spec.name() + "...");
        Reproducer.Context ctx = new Reproducer.Context(spec, s.scale(), s.dir(), sweeps, log);
        Findings f = analyseUnlessStopped(Reproducer.forName(spec.name()), ctx, stop);
        if (f == null) {
            return stopped(t0, "analysis stopped; the trained runs are kept, run the same command again to analyse "
                    + "them and write the report");
        }
        timings.analysisSeconds = (System.nanoTime() - analysisStart) / 1e9;
        long figureStart = System.nanoTime();
        List<Path> files = new ArrayList<>();
        for (ReportFigure fig : f.figures()) {
            figures.write(fig, s.dir());
            files.add(s.dir().resolve(fig.png()));
            files.add(s.dir().resolve(fig.pdf()));
        }
        timings.figureSeconds = (System.nanoTime() - figureStart) / 1e9;
        timings.totalSeconds = (System.nanoTime() - t0) / 1e9;
        Path report = ReportWriter.write(s, spec, sweeps, f, timings, notDone);
        long agree = f.claims().stream().filter(c -> c.verdict() == Verdict.AGREES).count();
        long differ = f.claims().stream().filter(c -> c.verdict() == Verdict.DIFFERS).count();
        String summary = String.format(Locale.ROOT, "%s (%s): %d claims, %d agree, %d differ, %d not tested; %d "
                        + "figures; %.1f s", spec.name(), s.scale().key(), f.claims().size(), agree, differ,
                f.claims().size() - agree - differ, f.figures().size(), timings.totalSeconds);
        return new Result(report, f.claims(), files, timings.totalSeconds, notDone, summary);
    }

    /**
     * The reproducer's analyses, on a thread of their own so that a stop request returns within a fifth of a second
     * even in the middle of a long study (the studies do not poll it; the thread, a daemon, ends with the JVM or is
     * left to finish). Null when stopped, also when {@code stop} is set already.
     */
    private static Findings analyseUnlessStopped(Reproducer r, Reproducer.Context ctx, AtomicBoolean stop)
            throws IOException {
        if (stop.get()) {
            return null;
        }
        java.util.concurrent.CompletableFuture<Findings> f = new java.util.concurrent.CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                f.complete(r.analyse(ctx));
            } catch (Throwable e) {
                f.completeExceptionally(e);
            }
        }, "attractor-lab-reproduce-analysis");
        t.setDaemon(true);
        t.start();
        while (true) {
            try {
                return f.get(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                if (stop.get()) {
                    return null;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable c = e.getCause();
                if (c instanceof IOException io) {
                    throw io;
                }
                if (c instanceof RuntimeException re) {
                    throw re;
                }
                if (c instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(c);
            }
        }
    }

    private static int done(Map<String, SweepDirectory> sweeps) {
        int n = 0;
        for (SweepDirectory s : sweeps.values()) {
            n += s.counts().getOrDefault(SweepDirectory.RunState.DONE, 0);
        }
        return n;
    }

    /** Seconds spent, for the report. */
    static final class Timings {
        double trainSeconds;
        double analysisSeconds;
        double figureSeconds;
        double totalSeconds;
        int trainedHere;
        int doneBefore;
    }

    private static Result stopped(long t0, String why) {
        double sec = (System.nanoTime() - t0) / 1e9;
        return new Result(null, List.of(), List.of(), sec, List.of(), why);
    }

    /** Creates the directory, or checks that it holds this reproduction; refuses anything else. */
    private static void prepareDirectory(Settings s, ReproduceSpec spec, Set<String> sweepNames) throws IOException {
        Path dir = s.dir();
        Path marker = dir.resolve(FILE);
        if (Files.isRegularFile(marker)) {
            JsonNode root = readMarker(dir);
            String exp = root.path("experiment").asText();
            String scale = root.path("scale").asText();
            if (!exp.equals(spec.name()) || !scale.equals(s.scale().key())) {
                throw new ReproduceException(dir + " holds the reproduction " + exp + " at scale " + scale + ", not "
                        + spec.name() + " at scale " + s.scale().key() + "; resume it with `reproduce " + exp
                        + " --scale " + scale + " --out " + dir + "`, or give a new directory");
            }
            return;
        }
        if (Files.isDirectory(dir)) {
            try (var l = Files.list(dir)) {
                if (l.findAny().isPresent()) {
                    throw new ReproduceException(dir + " is not empty and holds no reproduction (it has no " + FILE
                            + "); give a new or empty directory");
                }
            }
        } else if (Files.exists(dir)) {
            throw new ReproduceException(dir + " is a file, not a directory");
        }
        Files.createDirectories(dir);
        ObjectNode root = RecordTrees.MAPPER.createObjectNode();
        root.put("experiment", spec.name());
        root.put("scale", s.scale().key());
        var arr = root.putArray("sweeps");
        sweepNames.forEach(arr::add);
        AtomicFiles.writeString(marker, RecordTrees.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root)
                + "\n");
    }

    private static JsonNode readMarker(Path dir) throws IOException {
        Path marker = dir.resolve(FILE);
        String text = new String(BoundedFiles.read(marker, BoundedFiles.CONFIG_LIMIT, FILE), StandardCharsets.UTF_8);
        try {
            JsonNode n = RecordTrees.MAPPER.readTree(text);
            if (n == null || !n.isObject()) {
                throw new ReproduceException(marker + " is not a JSON object");
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ReproduceException(marker + ": not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static void train(String name, SweepDirectory sweep, int workers, Consumer<String> log,
                              AtomicBoolean stop, Timings t) {
        int size = sweep.plan().size();
        int doneBefore = sweep.counts().getOrDefault(SweepDirectory.RunState.DONE, 0);
        t.doneBefore += doneBefore;
        if (doneBefore == size) {
            log.accept("sweep " + name + ": all " + size + " runs done before");
            return;
        }
        log.accept(String.format(Locale.ROOT, "sweep %s: %d runs, %d done before, training the rest", name, size,
                doneBefore));
        int[] last = {doneBefore};
        try (AutoCloseable lock = sweep.lock()) {
            LocalSweep.Outcome o = LocalSweep.run(sweep, workers, p -> {
                synchronized (last) {
                    int ended = p.done() + p.failed();
                    if (ended > last[0]) {
                        last[0] = ended;
                        log.accept(String.format(Locale.ROOT, "sweep %s: %d of %d runs ended (%d failed), %.0f s",
                                name, ended, p.total(), p.failed(), p.elapsed()));
                    }
                }
            }, stop);
            t.trainedHere += o.progress().ranHere();
        } catch (SweepException e) {
            throw new ReproduceException("sweep " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new ReproduceException("sweep " + name + ": " + e.getMessage(), e);
        }
    }

    private static void submit(Map<String, SweepDirectory> sweeps, SlurmBackend.Options o, Consumer<String> log) {
        for (var e : sweeps.entrySet()) {
            SweepDirectory sweep = e.getValue();
            int done = sweep.counts().getOrDefault(SweepDirectory.RunState.DONE, 0);
            if (done == sweep.plan().size()) {
                log.accept("sweep " + e.getKey() + ": all " + done + " runs done before");
                continue;
            }
            try (AutoCloseable lock = sweep.lock()) {
                SlurmBackend.Submission sub = new SlurmBackend().submit(sweep, o, false);
                log.accept(sub.jobId() == null ? "sweep " + e.getKey() + ": nothing to submit (the runs not done are "
                        + "in tasks still queued or running)" : "sweep " + e.getKey() + ": submitted job "
                        + sub.jobId() + " (array " + sub.script().array() + ")");
            } catch (SweepException ex) {
                throw new ReproduceException("sweep " + e.getKey() + ": " + ex.getMessage(), ex);
            } catch (RuntimeException ex) {
                throw ex;
            } catch (Exception ex) {
                throw new ReproduceException("sweep " + e.getKey() + ": " + ex.getMessage(), ex);
            }
        }
    }

    /**
     * Waits until every run of every sweep has ended (done or failed), looking at the records; refuses to wait on
     * when Slurm shows no task of the sweeps' jobs queued or running twice in a row while runs are not done.
     */
    private static void await(Map<String, SweepDirectory> sweeps, Consumer<String> log, AtomicBoolean stop) {
        long lastCheck = System.currentTimeMillis();
        int idleChecks = 0;
        int lastEnded = -1;
        while (!stop.get()) {
            int ended = 0;
            int total = 0;
            for (SweepDirectory s : sweeps.values()) {
                Map<SweepDirectory.RunState, Integer> c = s.counts();
                ended += c.getOrDefault(SweepDirectory.RunState.DONE, 0)
                        + c.getOrDefault(SweepDirectory.RunState.FAILED, 0);
                total += s.plan().size();
            }
            if (ended != lastEnded) {
                log.accept(String.format(Locale.ROOT, "Slurm: %d of %d runs ended", ended, total));
                lastEnded = ended;
            }
            if (ended == total) {
                return;
            }
            if (System.currentTimeMillis() - lastCheck > SLURM_CHECK_MILLIS) {
                lastCheck = System.currentTimeMillis();
                idleChecks = anyTaskActive(sweeps) ? 0 : idleChecks + 1;
                if (idleChecks >= 2) {
                    throw new ReproduceException("the Slurm jobs have ended but " + (total - ended) + " of " + total
                            + " runs have not (time limit, node failure or cancelled; the tasks' output is in each "
                            + "sweep's slurm/ folder); run the same command again to submit them again");
                }
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stop.set(true);
            }
        }
    }

    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE");

    private static boolean anyTaskActive(Map<String, SweepDirectory> sweeps) {
        for (SweepDirectory s : sweeps.values()) {
            SlurmBackend.Status st = new SlurmBackend().status(s);
            if (!st.notes().isEmpty()) {
                return true;
            }
            for (Map<Integer, String> tasks : st.states().values()) {
                for (String state : tasks.values()) {
                    String base = state.split("[ +]")[0];
                    if (!ENDED.contains(base)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
