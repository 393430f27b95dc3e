package org.attractorlab.app.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.SessionState;
import org.attractorlab.core.run.TrainingLog;
import org.attractorlab.core.run.TrainingRow;
import org.attractorlab.core.train.TrainingStatus;

/**
 * Saves the session as a run directory (the same format {@code train} writes, so {@code analyze} reads it):
 * config.json, training.csv, model.npz, checkpoints/ from the history snapshots, and session.json with the
 * layout, selection and pane settings ({@link SessionState}). Writes happen on a background thread from copies taken by the caller; every file is written atomically.
 */
public final class Autosave implements AutoCloseable {
    /** Where autosaved sessions go unless told otherwise. */
    public static Path defaultRoot() {
        return Path.of(System.getProperty("user.home"), ".attractor-lab", "sessions");
    }

    private final Path root;
    private final ExecutorService io = org.attractorlab.app.fx.Workers.single("attractor-lab-autosave",
            Thread.NORM_PRIORITY);
    private Path current;
    private volatile String lastError = "";

    public Autosave(Path root) {
        this.root = root;
    }

    /** Starts a new session directory for a new experiment (called when the session resets). */
    public synchronized void begin(Experiment experiment) {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        current = root.resolve(stamp + "-" + experiment.config().taskName());
    }

    /**
     * Continues saving into the directory of a reopened session (read in full beforehand: a session that could
     * not be read is never written to).
     */
    public synchronized void resume(Path dir) {
        current = dir;
    }

    /** The directory of the current session, or null before {@link #begin}. */
    public synchronized Path directory() {
        return current;
    }

    /** The last write failure, or "". */
    public String lastError() {
        return lastError;
    }

    /**
     * Saves in the background. All arguments are copies the caller no longer changes.
     *
     * @param statuses   every status so far, in order
     * @param history    parameter snapshots (step, parameters)
     * @param state      layout, selection and pane settings (session.json)
     * @param runChanged false: only session.json changed since the session was opened, so the run files
     *                   (config, log, weights, checkpoints) stay as they are, byte for byte
     */
    public void save(Experiment experiment, List<TrainingStatus> statuses, List<TrainingService.Snapshot> history,
                     float[] parameters, SessionState state, boolean runChanged) {
        Path dir = directory();
        if (dir == null) {
            return;
        }
        io.execute(() -> {
            try {
                if (runChanged) {
                    write(dir, experiment, statuses, history, parameters);
                }
                if (Files.isDirectory(dir)) {
                    state.write(dir.resolve(SessionState.FILE));
                }
                lastError = "";
            } catch (IOException | RuntimeException e) {
                lastError = "autosave to " + dir + " failed: " + e.getMessage();
            }
        });
    }

    /** Waits until every save asked for so far is written (tests, closing). */
    public void flush() {
        try {
            io.submit(() -> { }).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            lastError = "autosave did not finish: " + e;
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closed: everything was written before
        }
    }

    private static void write(Path dir, Experiment e, List<TrainingStatus> statuses,
                              List<TrainingService.Snapshot> history, float[] parameters) throws IOException {
        RunDirectory run = Files.isDirectory(dir) ? RunDirectory.open(dir) : RunDirectory.create(dir, false);
        run.writeConfig(e.config());
        // the log first: a reader between two writes never sees a checkpoint past the end of the log
        Path tmpLog = dir.resolve(".training.csv.writing");
        try (TrainingLog log = TrainingLog.create(tmpLog)) {
            for (TrainingStatus s : statuses) {
                log.write(new TrainingRow(s.step(), s.loss(), s.accuracy(), s.validationLoss(), s.validationAccuracy(),
                        s.gradNorm(), s.learningRate(), s.stepsPerSecond(), s.elapsedSeconds()));
            }
        }
        Files.move(tmpLog, run.trainingCsv(), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Network net = e.network().copy();
        net.setParameters(parameters);
        run.writeModel(Experiment.toNdArrays(net, net.arrays()));
        int logged = statuses.isEmpty() ? 0 : statuses.get(statuses.size() - 1).step();
        for (TrainingService.Snapshot s : history) {
            // a snapshot the log has not reached yet (training went on while saving) waits for the next save
            if (s.step() > 0 && s.step() <= logged && !Files.exists(run.checkpointFile(s.step()))) {
                net.setParameters(s.parameters());
                run.writeCheckpoint(s.step(), Experiment.toNdArrays(net, net.arrays()));
            }
        }
    }

    @Override
    public void close() {
        io.shutdown();
        try {
            io.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
