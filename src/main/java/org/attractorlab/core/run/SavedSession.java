package org.attractorlab.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;

/**
 * A run directory read back in full, so that a session reopens where it was: the experiment with the saved
 * weights, the training log, every checkpoint's parameters (the history) and the app's session state. A run
 * written by {@code train} (no session.json) opens with the default layout, selection and settings.
 *
 * <p>{@link #read} reads and checks every file before it returns and writes nothing: a corrupt or truncated
 * file makes it throw a {@link SessionException} naming that file, and the caller then leaves the directory
 * alone.
 *
 * @param dir         the run directory
 * @param experiment  the experiment with the parameters of model.npz
 * @param step        training steps done (the last step of training.csv)
 * @param log         the rows of training.csv
 * @param history     parameters by step: the initial network (step 0, rebuilt from the config's seed), every
 *                    checkpoint and model.npz at {@code step}
 * @param state       layout, selection and pane settings ({@link SessionState#defaults()} without session.json)
 * @param notes       what was filled in with defaults, for the user (e.g. "no session.json")
 */
public record SavedSession(Path dir, Experiment experiment, int step, List<TrainingRow> log,
                           NavigableMap<Integer, float[]> history, SessionState state, List<String> notes) {

    public SavedSession {
        log = List.copyOf(log);
        history = Collections.unmodifiableNavigableMap(new TreeMap<>(history));
        notes = List.copyOf(notes);
    }

    /**
     * Reads a run directory: config.json, model.npz, training.csv, checkpoints/step-*.npz and session.json.
     *
     * @throws SessionException naming the file at fault, if any file is missing (config.json, model.npz), corrupt,
     *                          truncated, of another network, or of a session format this version does not read
     */
    public static SavedSession read(Path dir) throws SessionException {
        if (!Files.isDirectory(dir)) {
            throw new SessionException(dir, "'" + dir + "' is not a directory; a session is a run directory");
        }
        RunDirectory run;
        try {
            run = RunDirectory.open(dir);
        } catch (IOException e) {
            throw new SessionException(dir.resolve(RunDirectory.CONFIG_FILE), e.getMessage(), e);
        }
        List<String> notes = new ArrayList<>();
        ExperimentConfig config;
        try {
            config = run.readConfig(ConfigLoader.standard());
        } catch (ConfigException e) {
            String m = e.getMessage();
            throw new SessionException(run.configFile(), m.contains(run.configFile().toString()) ? m
                    : run.configFile() + ": " + m, e);
        }
        Experiment fresh = Experiment.create(config);

        Map<String, NdArray> model = npz(run.modelFile(), "the weights");
        Experiment experiment = restore(config, model, run.modelFile());

        List<TrainingRow> log = List.of();
        if (Files.exists(run.trainingCsv())) {
            log = readLog(run.trainingCsv());
        } else {
            notes.add("no " + RunDirectory.TRAINING_CSV + ": the loss chart starts empty");
        }

        NavigableMap<Integer, float[]> history = new TreeMap<>();
        history.put(0, fresh.network().parameters().clone());
        NavigableMap<Integer, Path> checkpoints;
        try {
            checkpoints = run.checkpoints();
        } catch (IOException e) {
            throw new SessionException(run.checkpointDir(), run.checkpointDir() + ": cannot be listed: "
                    + e.getMessage(), e);
        }
        for (Map.Entry<Integer, Path> c : checkpoints.entrySet()) {
            Experiment at = restore(config, npz(c.getValue(), "a checkpoint"), c.getValue());
            history.put(c.getKey(), at.network().parameters().clone());
        }

        int step = log.isEmpty() ? (checkpoints.isEmpty() ? 0 : checkpoints.lastKey())
                : log.get(log.size() - 1).step();
        if (!checkpoints.isEmpty() && checkpoints.lastKey() > step) {
            throw new SessionException(run.trainingCsv(), run.trainingCsv() + ": truncated: it ends at step " + step
                    + " but " + checkpoints.get(checkpoints.lastKey()).getFileName() + " was saved at step "
                    + checkpoints.lastKey());
        }
        history.put(step, experiment.network().parameters().clone());

        Path sessionFile = dir.resolve(SessionState.FILE);
        SessionState state;
        if (Files.exists(sessionFile)) {
            state = SessionState.read(sessionFile);
        } else {
            state = SessionState.defaults();
            notes.add("no " + SessionState.FILE + " (a run from the command line): default layout and settings");
        }
        return new SavedSession(dir, experiment, step, log, history, state, notes);
    }

    private static Map<String, NdArray> npz(Path file, String what) throws SessionException {
        if (!Files.isRegularFile(file)) {
            throw new SessionException(file, file + ": missing; it holds " + what + " of the session");
        }
        try {
            return Npz.read(file);
        } catch (IOException e) {
            String m = e.getMessage();
            throw new SessionException(file, m != null && m.contains(file.toString()) ? m : file + ": " + m, e);
        }
    }

    private static Experiment restore(ExperimentConfig config, Map<String, NdArray> arrays, Path file)
            throws SessionException {
        Map<String, NdArray> floats = new LinkedHashMap<>();
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            if (e.getValue().dtype() != org.attractorlab.core.io.DType.FLOAT32) {
                throw new SessionException(file, file + ": array '" + e.getKey() + "' is "
                        + e.getValue().dtype().descr() + "; model arrays are float32");
            }
            floats.put(e.getKey(), e.getValue());
        }
        try {
            return Experiment.restore(config, floats);
        } catch (IllegalArgumentException e) {
            throw new SessionException(file, file + ": does not fit the network of config.json: " + e.getMessage(), e);
        }
    }

    private static List<TrainingRow> readLog(Path file) throws SessionException {
        try {
            byte[] bytes = org.attractorlab.core.io.BoundedFiles.read(file,
                    org.attractorlab.core.io.BoundedFiles.TABLE_LIMIT, "a training log");
            if (bytes.length > 0 && bytes[bytes.length - 1] != '\n') {
                throw new SessionException(file, file + ": truncated: its last line is unfinished");
            }
            List<TrainingRow> rows = TrainingLog.read(file);
            for (int i = 1; i < rows.size(); i++) {
                if (rows.get(i).step() <= rows.get(i - 1).step()) {
                    throw new SessionException(file, file + ": corrupt: step " + rows.get(i).step() + " follows step "
                            + rows.get(i - 1).step() + " (line " + (i + 2) + ")");
                }
            }
            return rows;
        } catch (SessionException e) {
            throw e;
        } catch (IOException e) {
            String m = e.getMessage();
            throw new SessionException(file, m != null && m.contains(file.toString()) ? m : file + ": " + m, e);
        }
    }
}
