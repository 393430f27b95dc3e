package org.attractorlab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.attractorlab.core.model.Activation;
import org.attractorlab.core.model.CellType;
import org.attractorlab.core.model.Initialization;
import org.attractorlab.core.model.ModelOptions;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.model.Readout;
import org.attractorlab.core.task.ConditionTable;
import org.attractorlab.core.task.LossKind;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TrialBatch;
import org.attractorlab.core.train.TrainingOptions;
import org.attractorlab.core.train.Trainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Measures training and forward-pass speed on the standard workloads, optionally side by side with PyTorch
 * on the same machine, and prints the ratios.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measure training steps/s and forward-pass time on the standard workloads:",
                "I inputs, H units, O outputs, T steps, batch B, MSE, Adam, full BPTT, float32.",
                "With --torch, runs the same workloads in PyTorch in the same run and prints speed-ups."})
public final class BenchCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--cells", split = ",", defaultValue = "vanilla,gru,lstm",
            description = "cells to measure (default: ${DEFAULT-VALUE})")
    List<String> cells;

    @Option(names = "--hidden", defaultValue = "128", description = "hidden units H (default: ${DEFAULT-VALUE})")
    int hidden;

    @Option(names = "--batch", defaultValue = "64", description = "trials per training step B (default: ${DEFAULT-VALUE})")
    int batch;

    @Option(names = "--time", defaultValue = "100", description = "time steps T (default: ${DEFAULT-VALUE})")
    int time;

    @Option(names = "--inputs", defaultValue = "3", description = "inputs I (default: ${DEFAULT-VALUE})")
    int inputs;

    @Option(names = "--outputs", defaultValue = "3", description = "outputs O (default: ${DEFAULT-VALUE})")
    int outputs;

    @Option(names = "--forward-trials", defaultValue = "512",
            description = "trials of the hidden-state collection workload (default: ${DEFAULT-VALUE})")
    int forwardTrials;

    @Option(names = "--steps", defaultValue = "30", description = "timed training steps per cell (default: ${DEFAULT-VALUE})")
    int steps;

    @Option(names = "--threads", defaultValue = "0", description = "worker threads, 0 = all cores (default: ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--only", split = ",", defaultValue = "train,forward,analysis,fixed-points,live",
            description = "workload groups: train, forward, analysis, fixed-points, live, sweep, degeneracy, dsa (the "
                    + "scatter eigenpairs of DSA at 2560 dimensions, dense and block Lanczos; also part of degeneracy), "
                    + "rdm (the RDM of analysis alone) (default: ${DEFAULT-VALUE})")
    List<String> only;

    @Option(names = "--torch", description = "also run the PyTorch reference (src/bench/python/torch_bench.py) and, for "
            + "the RDM, the NumPy reference (src/bench/python/numpy_bench.py), and print ratios")
    boolean torch;

    @Option(names = "--python", defaultValue = "/usr/bin/python3",
            description = "Python with torch for --torch (default: ${DEFAULT-VALUE})")
    String python;

    @Option(names = "--torch-script", description = "path of torch_bench.py (default: found next to the build)")
    Path torchScript;

    @Option(names = "--numpy-python", defaultValue = "python3",
            description = "Python with NumPy (on OpenBLAS) for the RDM reference of --torch (default: ${DEFAULT-VALUE})")
    String numpyPython;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "Workload: I=%d, H=%d, O=%d, T=%d, batch %d, MSE, Adam, full BPTT, float32, %d cores%n",
                inputs, hidden, outputs, time, batch, Runtime.getRuntime().availableProcessors());
        for (String g : only) {
            if (!List.of("train", "forward", "analysis", "fixed-points", "live", "sweep", "degeneracy", "dsa", "rdm")
                    .contains(g.trim())) {
                throw new Cli.UserError("--only: '" + g + "' is not a workload group; use train, forward, analysis, "
                        + "fixed-points, live, sweep, degeneracy, dsa, rdm");
            }
        }
        Map<String, Double> ours = new LinkedHashMap<>();
        for (String cell : cells) {
            CellType type = parseCell(cell);
            if (only.contains("train")) {
                ours.put("train." + torchName(type) + ".ms_per_step", trainMillis(type));
            }
            if (only.contains("forward")) {
                ours.put("forward." + torchName(type) + ".ms", forwardMillis(type));
            }
        }
        Map<String, Double> theirs = torch && (only.contains("train") || only.contains("forward")) ? runTorch() : Map.of();
        if (!ours.isEmpty()) {
            out.println();
            out.printf(Locale.ROOT, "%-34s %14s %14s %10s%n", "workload", "Attractor Lab", torch ? "PyTorch" : "",
                    torch ? "speed-up" : "");
        }
        for (Map.Entry<String, Double> e : ours.entrySet()) {
            String key = e.getKey();
            String label = label(key);
            Double ref = theirs.get(key);
            if (ref != null) {
                out.printf(Locale.ROOT, "%-34s %11.2f ms %11.2f ms %9.2fx%n", label, e.getValue(), ref, ref / e.getValue());
            } else {
                out.printf(Locale.ROOT, "%-34s %11.2f ms%n", label, e.getValue());
            }
        }
        for (String cell : only.contains("train") ? cells : List.<String>of()) {
            String k = "train." + torchName(parseCell(cell)) + ".ms_per_step";
            out.printf(Locale.ROOT, "%-34s %11.1f /s%s%n", "training steps/s " + cell, 1000 / ours.get(k),
                    theirs.containsKey(k) ? String.format(Locale.ROOT, " %11.1f /s", 1000 / theirs.get(k)) : "");
        }
        if (only.contains("analysis")) {
            AnalysisBench.refresh(out);
        }
        if (only.contains("analysis") || only.contains("rdm")) {
            double rdm = AnalysisBench.rdm(out);
            if (torch) {
                numpyRdm(out, rdm);
            }
        }
        if (only.contains("fixed-points")) {
            AnalysisBench.fixedPoints(out);
        }
        if (only.contains("live")) {
            AnalysisBench.live(out, threads);
        }
        if (only.contains("sweep")) {
            int cores = Runtime.getRuntime().availableProcessors();
            var r = org.attractorlab.bench.SweepBenchmark.run(cores);
            out.printf(Locale.ROOT, "%nsweep of 16 flip-flop runs (32 units, 300 steps) on %d workers: %.0f runs/h; one "
                    + "run at a time on one core: %.0f runs/h; efficiency %.2f (target >= 0.85)%n", cores,
                    r.runsPerHour(), r.singleRunsPerHour(), r.efficiency());
            out.printf(Locale.ROOT, "sweep of 3000 runs: plan and manifest %.1f s, collect %.1f s%n", r.planSeconds(),
                    r.collectSeconds());
        }
        if (only.contains("dsa") || only.contains("degeneracy")) {
            var r = org.attractorlab.bench.DsaEigenBenchmark.run();
            out.printf(Locale.ROOT, "%nDSA scatter eigenpairs (top %d of %d x %d, 256 units x 10 delays): dense %.2f s, "
                    + "block Lanczos %.3f s, speed-up %.1fx; largest differences: eigenvalue %.1e of the largest, "
                    + "||v - w|| %.1e (smallest gap of the top %d eigenvalues %.1e of the largest)%n", r.pairs(),
                    r.size(), r.size(), r.denseSeconds(), r.krylovSeconds(), r.denseSeconds() / r.krylovSeconds(),
                    r.maxValueDifference(), r.maxVectorDifference(), r.pairs() + 1, r.smallestGap());
            out.flush();
        }
        if (only.contains("degeneracy")) {
            var t = org.attractorlab.bench.DegeneracyBenchmark.run(20);
            double total = t.values().stream().mapToDouble(Double::doubleValue).sum();
            out.printf(Locale.ROOT, "%ndegeneracy of 20 flip-flop networks of 64 units (190 pairs, 128 probe trials): %s; "
                    + "%.1f s in all (target < 60 s)%n", String.join(", ", t.entrySet().stream().map(e -> String.format(
                    Locale.ROOT, "%s %.1f s", e.getKey().key(), e.getValue())).toList()), total);
        }
        return 0;
    }

    private static String label(String key) {
        String[] p = key.split("\\.");
        return (p[0].equals("train") ? "train step " : "collect states 512x100 ") + p[1];
    }

    private static CellType parseCell(String s) {
        try {
            return CellType.valueOf(s.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Cli.UserError("--cells: '" + s + "' is not a cell; use vanilla, leaky, gru, lstm");
        }
    }

    private static String torchName(CellType t) {
        return switch (t) {
            case VANILLA, LEAKY -> "rnn";
            case GRU -> "gru";
            case LSTM -> "lstm";
        };
    }

    private ModelOptions model(CellType type) {
        return new ModelOptions(type, hidden, Activation.TANH, type == CellType.LEAKY ? 0.2 : 1.0, 0, 0,
                Initialization.NORMAL, 1.0, false, 0.8, 1.0, true, 0, false);
    }

    /** Median milliseconds per training step. */
    private double trainMillis(CellType type) {
        Task task = new RandomRegression(inputs, outputs, time);
        TrainingOptions d = TrainingOptions.DEFAULTS;
        TrainingOptions o = new TrainingOptions(batch, Integer.MAX_VALUE, 1e-3, d.optimizer(), d.momentum(), d.beta1(),
                d.beta2(), d.epsilon(), d.loss(), 0, 0, 0, 1.0, d.lrSchedule(), d.lrDecay(), d.lrDecaySteps(), 0, 0,
                0, 0, 0, threads);
        Network net = Network.create(model(type), inputs, outputs, Readout.LINEAR, 1);
        Trainer trainer = new Trainer(task, net, o, 1);
        for (int i = 0; i < Math.max(5, steps / 3); i++) {
            trainer.step();
        }
        double[] ms = new double[steps];
        for (int i = 0; i < steps; i++) {
            long t0 = System.nanoTime();
            trainer.step();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    /** Median milliseconds to collect hidden states of forwardTrials trials (no gradient). */
    private double forwardMillis(CellType type) {
        Network net = Network.create(model(type), inputs, outputs, Readout.LINEAR, 1);
        TrialBatch b = new RandomRegression(inputs, outputs, time).sample(forwardTrials, new SplittableRandom(2));
        for (int i = 0; i < 3; i++) {
            net.run(b, threads, null);
        }
        double[] ms = new double[10];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            net.run(b, threads, null);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        return median(ms);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private Map<String, Double> runTorch() throws IOException, InterruptedException {
        Path script = findScript("torch_bench.py", torchScript);
        List<String> cmd = new ArrayList<>(List.of(python, script.toString(), "--json", "--keep-memory", "--hidden", "" + hidden,
                "--batch", "" + batch, "--time", "" + time, "--steps", "" + steps,
                "--trials", "" + forwardTrials, "--cells", String.join(",", torchCells())));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OPENBLAS_NUM_THREADS", "1");
        Process p = pb.start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new Cli.UserError("the PyTorch benchmark failed (" + String.join(" ", cmd) + "); is torch installed "
                    + "for " + python + "? On Debian: apt-get install python3-torch libopenblas0-pthread");
        }
        JsonNode node = new ObjectMapper().readTree(json.substring(json.indexOf('{')));
        Map<String, Double> r = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isNumber()) {
                r.put(e.getKey(), e.getValue().asDouble());
            }
        });
        return r;
    }

    /** Runs numpy_bench.py on the RDM workload and prints its times beside ours ({@code ours} ms). */
    private void numpyRdm(PrintWriter out, double ours) throws IOException, InterruptedException {
        Path script = findScript("numpy_bench.py", null);
        List<String> cmd = List.of(numpyPython, script.toString(), "--json", "--conditions", "1000", "--features",
                "10000", "--reps", "7", "--warmup", "1");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("OPENBLAS_NUM_THREADS", "" + Runtime.getRuntime().availableProcessors());
        Process p = pb.start();
        String json = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0 || json.indexOf('{') < 0) {
            throw new Cli.UserError("the NumPy benchmark failed (" + String.join(" ", cmd) + "); has " + numpyPython
                    + " NumPy? Pass --numpy-python PATH");
        }
        JsonNode node = new ObjectMapper().readTree(json.substring(json.indexOf('{')));
        out.printf(Locale.ROOT, "%n%-34s %14s %14s %10s%n", "workload", "Attractor Lab", "NumPy", "speed-up");
        for (String dtype : List.of("float32", "float64")) {
            double ref = node.path("rdm.numpy." + dtype + ".ms").asDouble(Double.NaN);
            out.printf(Locale.ROOT, "%-34s %11.2f ms %11.2f ms %9.2fx%n", "RDM 1000x10000, NumPy " + dtype, ours, ref,
                    ref / ours);
        }
        String blas = node.path("meta.blas").asText("unknown");
        out.printf(Locale.ROOT, "NumPy %s, BLAS %s, OPENBLAS_NUM_THREADS=%s; its float32 RDM is within %.1e of its "
                        + "float64 RDM (of the largest distance)%n", node.path("meta.numpy_version").asText("?"), blas,
                node.path("meta.openblas_num_threads").asText("?"),
                node.path("rdm.numpy.float32.max_rel_err").asDouble(Double.NaN));
        if (!blas.toLowerCase(Locale.ROOT).matches(".*(openblas|mkl|blis).*")) {
            out.println("warning: this NumPy does not use an optimised BLAS, so it is no fair reference; on Debian: "
                    + "apt-get install libopenblas0-pthread, or pass --numpy-python");
        }
        out.flush();
    }

    private List<String> torchCells() {
        List<String> r = new ArrayList<>();
        for (String c : cells) {
            String n = torchName(parseCell(c));
            if (!r.contains(n)) {
                r.add(n);
            }
        }
        return r;
    }

    /** {@code given}, or the script {@code name} of src/bench/python, found here or next to the build. */
    private static Path findScript(String name, Path given) {
        if (given != null) {
            return given;
        }
        Path rel = Path.of("src", "bench", "python", name);
        List<Path> candidates = new ArrayList<>(List.of(rel));
        try {
            Path jar = Path.of(BenchCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (jar.getParent() != null && jar.getParent().getParent() != null) {
                candidates.add(jar.getParent().getParent().resolve(rel));
            }
        } catch (java.net.URISyntaxException e) {
            throw new Cli.UserError("cannot locate the build to find " + rel + hint(name), e);
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new Cli.UserError("cannot find " + rel + hint(name));
    }

    private static String hint(String script) {
        return script.equals("torch_bench.py") ? "; pass --torch-script PATH" : "; run from the project directory";
    }

    /** Gaussian inputs and targets, every entry counted: the workload the PyTorch script runs. */
    private record RandomRegression(int inputSize, int outputSize, int steps) implements Task {
        @Override
        public String name() {
            return "random-regression";
        }

        @Override
        public double dtMillis() {
            return 10;
        }

        @Override
        public List<String> inputNames() {
            return List.of();
        }

        @Override
        public List<String> outputNames() {
            return List.of();
        }

        @Override
        public LossKind defaultLoss() {
            return LossKind.MSE;
        }

        @Override
        public TrialBatch sample(int trials, SplittableRandom rng) {
            float[] x = new float[trials * steps * inputSize];
            float[] y = new float[trials * steps * outputSize];
            float[] m = new float[y.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = (float) rng.nextGaussian();
            }
            for (int i = 0; i < y.length; i++) {
                y[i] = (float) rng.nextGaussian();
                m[i] = 1f;
            }
            return new TrialBatch(trials, steps, inputSize, outputSize, x, y, m, ConditionTable.empty(trials));
        }

        @Override
        public double accuracy(TrialBatch batch, float[] outputs) {
            return Double.NaN;
        }
    }
}
