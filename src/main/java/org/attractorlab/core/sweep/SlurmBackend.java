package org.attractorlab.core.sweep;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.BoundedFiles;
import org.attractorlab.core.io.Csv;
import org.attractorlab.core.io.Messages;

/**
 * The Slurm backend: one job array per submission, each array task running {@code sweep-run DIR --index I --chunk C}
 * on a node, which trains the runs {@code I*C .. I*C+C-1} that are not done. Its files live in {@code DIR/slurm/}:
 * {@code chunk} (runs per task, fixed at the first submission so that later ones index the runs the same way),
 * {@code sweep.sbatch} (the script of the newest submission), {@code jobs.csv} (every submitted job: id, array,
 * chunk, time; a job is recorded only after sbatch accepted it) and the tasks' output {@code JOB_TASK.out}.
 * The nodes must see the sweep directory and the launcher at the same absolute paths (a shared filesystem).
 * The run records stay the truth: a resubmission asks for the chunks that still have runs not done, minus the tasks
 * of earlier jobs that are still queued or running.
 */
public final class SlurmBackend {
    public static final String DIR = "slurm";
    public static final String SCRIPT_FILE = "sweep.sbatch";
    public static final String JOBS_FILE = "jobs.csv";
    public static final String CHUNK_FILE = "chunk";
    /** Slurm's default MaxArraySize is 1001: task indices 0..1000. */
    public static final int DEFAULT_ARRAY_MAX = 1000;
    /** The environment variable naming the launcher the array tasks run (the source launcher script sets it). */
    public static final String LAUNCHER_ENV = "ATTRACTOR_LAB_LAUNCHER";
    /** The JVM options of the launcher script that a run needs (the Vector API, priorities, stack). */
    public static final List<String> JVM_OPTIONS = List.of("--add-modules", "jdk.incubator.vector",
            "-XX:ThreadPriorityPolicy=1", "-XX:JavaPriority2_To_OSPriority=10", "-Xss4m");
    private static final List<String> JOBS_HEADER = List.of("job_id", "array", "chunk", "submitted_at");
    private static final Pattern TIME = Pattern.compile("(\\d+-)?\\d+(:\\d+){0,2}|UNLIMITED|INFINITE");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGT]?");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.,-]+");
    private static final Pattern JOB_ID = Pattern.compile("\\d+");
    private static final Pattern UNSAFE_PATH = Pattern.compile("[\\s'\"\\\\%$`]");

    /**
     * What to ask Slurm for.
     *
     * @param partition the partition, or null for the cluster's default
     * @param time      the time limit of one array task ({@code chunk} runs), in Slurm's format, or null
     * @param mem       memory per task, e.g. {@code 2G}, or null
     * @param arrayMax  the most array tasks (and one more than the highest index): the cluster's MaxArraySize or less
     * @param launcher  the command that starts Attractor Lab on a node, absolute paths
     */
    public record Options(String partition, String time, String mem, int arrayMax, List<String> launcher) {
        public Options {
            partition = blankToNull(partition);
            time = blankToNull(time);
            mem = blankToNull(mem);
            if (partition != null && !PARTITION.matcher(partition).matches()) {
                throw new SweepException("partition = " + Messages.value(partition) + " is not allowed: a Slurm "
                        + "partition name (letters, digits, _ . - and , between names)");
            }
            if (time != null && !TIME.matcher(time).matches()) {
                throw new SweepException("time = " + Messages.value(time) + " is not allowed: Slurm's time format, "
                        + "e.g. 30 (minutes), 2:00:00, 1-12:00:00 or UNLIMITED");
            }
            if (mem != null && !MEM.matcher(mem).matches()) {
                throw new SweepException("mem = " + Messages.value(mem) + " is not allowed: a size such as 2000 "
                        + "(megabytes), 512M or 4G");
            }
            if (arrayMax < 1) {
                throw new SweepException("array-max = " + arrayMax + " is not allowed: use at least 1");
            }
            if (launcher == null || launcher.isEmpty()) {
                throw new SweepException("the launcher command is empty");
            }
            launcher = List.copyOf(launcher);
        }

        /** The defaults: the cluster's partition, no time or memory request, {@link #DEFAULT_ARRAY_MAX}. */
        public static Options defaults(List<String> launcher) {
            return new Options(null, null, null, DEFAULT_ARRAY_MAX, launcher);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s.strip();
        }
    }

    /**
     * A written script.
     *
     * @param file    {@code DIR/slurm/sweep.sbatch}
     * @param text    its content
     * @param chunk   runs per array task
     * @param indices the array task indices it asks for, ascending; empty when nothing is left to submit
     * @param array   {@code indices} compressed ({@code 0-3,7})
     * @param busy    chunk indices left out because a task of an earlier job is queued or running with them
     */
    public record Script(Path file, String text, int chunk, List<Integer> indices, String array, Set<Integer> busy) {
        public Script {
            indices = List.copyOf(indices);
            busy = java.util.Collections.unmodifiableSet(new TreeSet<>(busy));
        }
    }

    /**
     * What a submission did.
     *
     * @param script  the script written
     * @param command the sbatch command (run, or to run after a dry run)
     * @param jobId   Slurm's job id, or null (a dry run, or nothing to submit)
     */
    public record Submission(Script script, List<String> command, String jobId) {
    }

    /** A recorded job: a line of {@code jobs.csv}. */
    public record Job(String id, String array, int chunk, String submittedAt) {
    }

    /**
     * The Slurm states of the tasks of the recorded jobs.
     *
     * @param jobs   the recorded jobs, oldest first
     * @param states job id to task index to state (PENDING, RUNNING, COMPLETED, ...), for the tasks squeue or sacct
     *               know; a task of neither has left the queue (its runs' records say how it went)
     * @param notes  what could not be asked (squeue or sacct absent or failing)
     */
    public record Status(List<Job> jobs, Map<String, Map<Integer, String>> states, List<String> notes) {
    }

    private final Map<String, String> environment;
    private final Duration timeout;

    /** A backend using this process's environment (PATH, SLURM_CONF) and a 60 s timeout per Slurm command. */
    public SlurmBackend() {
        this(System.getenv(), Duration.ofSeconds(60));
    }

    /**
     * @param environment the environment the Slurm commands run with; its PATH is where they are looked up
     * @param timeout     how long one Slurm command may take
     */
    public SlurmBackend(Map<String, String> environment, Duration timeout) {
        this.environment = Map.copyOf(environment);
        this.timeout = timeout;
    }

    /**
     * The command that starts Attractor Lab on a node: {@value #LAUNCHER_ENV} when set (the launcher script sets
     * it to its own absolute path), else this JVM: {@code java.home/bin/java}, {@link #JVM_OPTIONS}, {@code -cp} this
     * process's class path (absolute), {@code org.attractorlab.Launcher}.
     */
    public static List<String> launcher(Map<String, String> environment) {
        String l = environment.get(LAUNCHER_ENV);
        if (l != null && !l.isBlank()) {
            return List.of(Path.of(l).toAbsolutePath().normalize().toString());
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM_OPTIONS);
        List<String> cp = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(Pattern.quote(File.pathSeparator))) {
            if (!e.isEmpty()) {
                cp.add(Path.of(e).toAbsolutePath().normalize().toString());
            }
        }
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, cp));
        cmd.add("org.attractorlab.Launcher");
        return List.copyOf(cmd);
    }

    /** Runs per array task: 1 up to {@code arrayMax} runs, else {@code ceil(runs / arrayMax)}. */
    public static int chunkFor(int runs, int arrayMax) {
        return Math.max(1, (int) ((runs + (long) arrayMax - 1) / arrayMax));
    }

    /** Ascending indices as Slurm's array list: runs of consecutive ones as ranges ({@code 0-3,7,9-10}). */
    public static String compress(List<Integer> indices) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        while (i < indices.size()) {
            int j = i;
            while (j + 1 < indices.size() && indices.get(j + 1) == indices.get(j) + 1) {
                j++;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(indices.get(i));
            if (j > i) {
                sb.append('-').append(indices.get(j));
            }
            i = j + 1;
        }
        return sb.toString();
    }

    /** The indices of a Slurm array list ({@code 0-3,7}, {@code 0-9:2}, a {@code %} throttle ignored). */
    static List<Integer> expand(String array) {
        List<Integer> out = new ArrayList<>();
        String list = array.contains("%") ? array.substring(0, array.indexOf('%')) : array;
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] stepped = part.split(":");
            int step = stepped.length > 1 ? Integer.parseInt(stepped[1]) : 1;
            String[] range = stepped[0].split("-");
            int a = Integer.parseInt(range[0].strip());
            int b = range.length > 1 ? Integer.parseInt(range[1].strip()) : a;
            for (int k = a; k <= b; k += step) {
                out.add(k);
            }
        }
        return out;
    }

    /** Whether the sweep has recorded Slurm jobs. */
    public static boolean hasJobs(SweepDirectory sweep) {
        return Files.isRegularFile(sweep.dir().resolve(DIR).resolve(JOBS_FILE));
    }

    /**
     * Writes {@code DIR/slurm/sweep.sbatch} for the chunks that still have runs not done and are not in a task of
     * an earlier job that is still queued or running (asked of squeue when it exists). Fixes the chunk at the first
     * call.
     */
    public Script writeScript(SweepDirectory sweep, Options options) {
        Path dir = sweep.dir().toAbsolutePath().normalize();
        if (UNSAFE_PATH.matcher(dir.toString()).find()) {
            throw new SweepException("the Slurm backend needs a sweep directory whose path has no spaces, quotes, "
                    + "backslashes, $, ` or %: " + Messages.value(dir.toString()));
        }
        Path slurm = dir.resolve(DIR);
        int n = sweep.plan().size();
        try {
            Files.createDirectories(slurm);
            int chunk = chunk(slurm, n, options.arrayMax());
            int tasks = (n + chunk - 1) / chunk;
            if (tasks - 1 >= options.arrayMax()) {
                throw new SweepException("this sweep's chunk of " + chunk + " run" + (chunk == 1 ? "" : "s")
                        + " per task was fixed when it was first submitted (" + slurm.resolve(CHUNK_FILE) + "): its "
                        + "task indices go up to " + (tasks - 1) + ", above array-max = " + options.arrayMax()
                        + "; give --array-max " + tasks + " or more");
            }
            Set<Integer> busy = busyTasks(sweep, chunk);
            List<Integer> indices = new ArrayList<>();
            for (int k = 0; k < tasks; k++) {
                if (!busy.contains(k) && hasRunsNotDone(sweep, k, chunk)) {
                    indices.add(k);
                }
            }
            String array = compress(indices);
            String text = scriptText(dir, n, chunk, array, options);
            Path file = slurm.resolve(SCRIPT_FILE);
            AtomicFiles.writeString(file, text);
            file.toFile().setExecutable(true);
            return new Script(file, text, chunk, indices, array, busy);
        } catch (IOException e) {
            throw new SweepException("cannot write " + slurm + ": " + SweepDirectory.describe(e), e);
        }
    }

    /** The script's text (see the class comment); {@code dir} absolute. */
    static String scriptText(Path dir, int runs, int chunk, String array, Options options) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# Attractor Lab sweep ").append(dir).append(": ").append(runs).append(" runs, ").append(chunk)
                .append(" per array task.\n# Written by `attractor-lab sweep --backend slurm`; running that again submits ")
                .append("the tasks whose runs are not done.\n");
        String name = dir.getFileName() == null ? "sweep" : dir.getFileName().toString()
                .replaceAll("[^A-Za-z0-9._-]", "-");
        sb.append("#SBATCH --job-name=attractor-lab-").append(name).append('\n');
        sb.append("#SBATCH --array=").append(array.isEmpty() ? "NONE" : array).append('\n');
        if (options.partition() != null) {
            sb.append("#SBATCH --partition=").append(options.partition()).append('\n');
        }
        if (options.time() != null) {
            sb.append("#SBATCH --time=").append(options.time()).append('\n');
        }
        if (options.mem() != null) {
            sb.append("#SBATCH --mem=").append(options.mem()).append('\n');
        }
        sb.append("#SBATCH --cpus-per-task=1\n");
        sb.append("#SBATCH --output=").append(dir.resolve(DIR)).append("/%A_%a.out\n");
        sb.append("export OMP_NUM_THREADS=1\n");
        sb.append("exec");
        for (String w : options.launcher()) {
            sb.append(' ').append(shellWord(w));
        }
        sb.append(" sweep-run ").append(shellWord(dir.toString())).append(" --index \"$SLURM_ARRAY_TASK_ID\" --chunk ")
                .append(chunk).append('\n');
        return sb.toString();
    }

    static String shellWord(String w) {
        if (!w.isEmpty() && w.matches("[A-Za-z0-9_./:=+@%,-]+")) {
            return w;
        }
        return "'" + w.replace("'", "'\\''") + "'";
    }

    /**
     * Writes the script and submits it with {@code sbatch --parsable}, recording the job in {@code jobs.csv} once
     * sbatch has accepted it; with {@code dryRun} only writes it. Nothing to submit (every run done, or in a task
     * still queued or running) submits nothing.
     *
     * @throws SweepException sbatch is not on PATH, refused the job (its message and exit code), or did not answer
     */
    public Submission submit(SweepDirectory sweep, Options options, boolean dryRun) {
        Script script = writeScript(sweep, options);
        List<String> command = List.of("sbatch", "--parsable", script.file().toString());
        if (dryRun || script.indices().isEmpty()) {
            return new Submission(script, command, null);
        }
        Result r = run(command);
        if (r.exitCode() != 0) {
            throw new SweepException("sbatch refused the job (exit code " + r.exitCode() + "): "
                    + oneLine(r.stderr().isBlank() ? r.stdout() : r.stderr()) + "; nothing was submitted (the script is "
                    + script.file() + ")");
        }
        String out = r.stdout().strip();
        String id = out.contains(";") ? out.substring(0, out.indexOf(';')) : out;
        if (!JOB_ID.matcher(id).matches()) {
            throw new SweepException("sbatch answered without a job id: " + Messages.value(oneLine(out))
                    + "; check squeue before submitting again");
        }
        Path jobs = sweep.dir().resolve(DIR).resolve(JOBS_FILE);
        List<List<?>> rows = new ArrayList<>();
        for (Job j : jobs(sweep)) {
            rows.add(List.of(j.id(), j.array(), j.chunk(), j.submittedAt()));
        }
        rows.add(List.of(id, script.array(), script.chunk(), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
        try {
            Csv.write(jobs, JOBS_HEADER, rows);
        } catch (IOException e) {
            throw new SweepException("Slurm accepted job " + id + " but " + jobs + " cannot be written: "
                    + SweepDirectory.describe(e), e);
        }
        return new Submission(script, command, id);
    }

    /** The recorded jobs, oldest first (none when {@code jobs.csv} does not exist). */
    public static List<Job> jobs(SweepDirectory sweep) {
        Path f = sweep.dir().resolve(DIR).resolve(JOBS_FILE);
        String text;
        try {
            text = new String(BoundedFiles.read(f, BoundedFiles.TABLE_LIMIT, JOBS_FILE), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new SweepException(f + ": " + SweepDirectory.describe(e), e);
        }
        List<Job> out = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> fields = csvFields(lines[i]);
            try {
                out.add(new Job(fields.get(0), fields.get(1), Integer.parseInt(fields.get(2)), fields.get(3)));
            } catch (RuntimeException e) {
                throw new SweepException(f + " line " + (i + 1) + " is not a job (job_id,array,chunk,submitted_at): "
                        + Messages.value(lines[i]));
            }
        }
        return out;
    }

    /** The Slurm states of the recorded jobs' tasks, from squeue and sacct where they exist. */
    public Status status(SweepDirectory sweep) {
        List<Job> jobs = jobs(sweep);
        Map<String, Map<Integer, String>> states = new LinkedHashMap<>();
        jobs.forEach(j -> states.put(j.id(), new TreeMap<>()));
        List<String> notes = new ArrayList<>();
        if (jobs.isEmpty()) {
            return new Status(jobs, states, notes);
        }
        String ids = String.join(",", jobs.stream().map(Job::id).toList());
        // sacct first: squeue's answer for a task still queued or running is the newer one
        ask(List.of("sacct", "-n", "-P", "-j", ids, "--format=JobID,State"), "\\|", states, notes);
        ask(List.of("squeue", "-h", "-r", "-j", ids, "-o", "%i %T"), " ", states, notes);
        return new Status(jobs, states, notes);
    }

    private void ask(List<String> command, String separator, Map<String, Map<Integer, String>> states,
                     List<String> notes) {
        String tool = command.get(0);
        Result r;
        try {
            r = run(command);
        } catch (SweepException e) {
            notes.add(e.getMessage() + "; the run records say how the runs went");
            return;
        }
        if (r.exitCode() != 0) {
            String why = oneLine(r.stderr().isBlank() ? r.stdout() : r.stderr());
            if (!why.contains("Invalid job id")) {
                notes.add(tool + " gave no states (exit code " + r.exitCode() + ": " + why + "); the run records say "
                        + "how the runs went");
            }
            return;
        }
        for (String line : r.stdout().split("\n")) {
            String[] f = line.strip().split(separator);
            if (f.length < 2 || f[0].contains(".")) {
                continue; // a job step (12_3.batch), or nothing
            }
            int u = f[0].indexOf('_');
            if (u < 0) {
                continue;
            }
            Map<Integer, String> tasks = states.get(f[0].substring(0, u));
            String task = f[0].substring(u + 1);
            String state = f[1].strip().split(" ")[0];
            if (tasks == null) {
                continue;
            }
            try {
                for (int k : expand(task.startsWith("[") ? task.substring(1, task.length() - 1) : task)) {
                    tasks.put(k, state);
                }
            } catch (NumberFormatException e) {
                // not a task line
            }
        }
    }

    /** Chunk indices in tasks of recorded jobs that are queued or running now (none when squeue is absent). */
    private Set<Integer> busyTasks(SweepDirectory sweep, int chunk) {
        Set<Integer> busy = new TreeSet<>();
        List<Job> jobs = jobs(sweep);
        if (jobs.isEmpty() || resolve("squeue") == null) {
            return busy;
        }
        Map<String, Map<Integer, String>> states = new LinkedHashMap<>();
        jobs.forEach(j -> states.put(j.id(), new TreeMap<>()));
        List<String> notes = new ArrayList<>();
        ask(List.of("squeue", "-h", "-r", "-j", String.join(",", jobs.stream().map(Job::id).toList()),
                "-o", "%i %T"), " ", states, notes);
        if (!notes.isEmpty()) {
            throw new SweepException("cannot tell which tasks of the earlier jobs still run, so nothing was "
                    + "submitted: " + notes.get(0));
        }
        for (Job j : jobs) {
            if (j.chunk() != chunk) {
                continue;
            }
            states.get(j.id()).forEach((k, s) -> {
                if (!s.equals("COMPLETED") && !s.equals("FAILED") && !s.equals("CANCELLED") && !s.equals("TIMEOUT")
                        && !s.equals("OUT_OF_MEMORY") && !s.equals("NODE_FAIL") && !s.equals("PREEMPTED")
                        && !s.equals("BOOT_FAIL") && !s.equals("DEADLINE")) {
                    busy.add(k);
                }
            });
        }
        return busy;
    }

    private static boolean hasRunsNotDone(SweepDirectory sweep, int task, int chunk) {
        List<SweepPoint> points = sweep.plan().points();
        for (int i = task * chunk; i < Math.min(points.size(), (task + 1) * chunk); i++) {
            RunRecord r = sweep.record(points.get(i));
            if (r == null || r.state() != RunRecord.State.DONE) {
                return true;
            }
        }
        return false;
    }

    private static int chunk(Path slurm, int runs, int arrayMax) throws IOException {
        Path f = slurm.resolve(CHUNK_FILE);
        if (Files.isRegularFile(f)) {
            String s = new String(BoundedFiles.read(f, 64, CHUNK_FILE), StandardCharsets.UTF_8).strip();
            try {
                int c = Integer.parseInt(s);
                if (c >= 1) {
                    return c;
                }
            } catch (NumberFormatException e) {
                // refused below
            }
            throw new SweepException(f + " holds " + Messages.value(s) + ", not a chunk size (a positive integer)");
        }
        int c = chunkFor(runs, arrayMax);
        AtomicFiles.writeString(f, c + "\n");
        return c;
    }

    /** The output of a finished command. */
    record Result(int exitCode, String stdout, String stderr) {
    }

    /** The absolute path of {@code name} on this backend's PATH, or null. */
    Path resolve(String name) {
        String path = environment.getOrDefault("PATH", "");
        for (String d : path.split(Pattern.quote(File.pathSeparator))) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d).resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p.toAbsolutePath();
            }
        }
        return null;
    }

    /** Runs a Slurm command with this backend's environment, up to the timeout. */
    Result run(List<String> command) {
        String tool = command.get(0);
        Path exe = resolve(tool);
        if (exe == null) {
            throw new SweepException(tool + " is not on PATH: " + Messages.value(environment.getOrDefault("PATH", ""))
                    + " (is this a Slurm login node?)");
        }
        List<String> cmd = new ArrayList<>(command);
        cmd.set(0, exe.toString());
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("attractor-lab-" + tool, ".out");
            err = Files.createTempFile("attractor-lab-" + tool, ".err");
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            pb.environment().clear();
            pb.environment().putAll(environment);
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                throw new SweepException(tool + " did not answer within " + timeout.toSeconds() + " s"
                        + (tool.equals("sbatch") ? "; nothing was recorded, check squeue before submitting again"
                        : ""));
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            throw new SweepException("cannot run " + exe + ": " + SweepDirectory.describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SweepException(tool + " was interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                p.toFile().deleteOnExit();
            }
        }
    }

    private static String oneLine(String s) {
        String t = s.strip().replaceAll("\\s*\\R\\s*", " | ");
        return t.length() > 400 ? t.substring(0, 400) + "..." : t;
    }

    /** The fields of one CSV line written by {@link Csv} (quoted fields may hold commas and doubled quotes). */
    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
            } else if (c != '\r') {
                f.append(c);
            }
        }
        out.add(f.toString());
        return out;
    }

    /** A one-line summary of a task state map, e.g. {@code 2 RUNNING, 1 PENDING, 1 not queued}. */
    public static String describe(Job job, Map<Integer, String> states) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int k : expand(job.array())) {
            counts.merge(states.getOrDefault(k, "not queued"), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((s, c) -> parts.add(c + " " + s));
        return String.format(Locale.ROOT, "job %s (array %s, %d run%s per task, submitted %s): %s", job.id(),
                job.array(), job.chunk(), job.chunk() == 1 ? "" : "s", job.submittedAt(), String.join(", ", parts));
    }
}
