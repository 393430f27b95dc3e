package org.attractorlab.core.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npz;

/**
 * The directory of one training run:
 * <pre>
 * RUN_DIR/
 *   config.json                 the fully resolved {@link ExperimentConfig}
 *   training.csv                one {@link TrainingRow} per logged step (NaN written as nan)
 *   model.npz                   the final (or last saved) parameters
 *   checkpoints/step-000500.npz parameters after 500 steps (at least 6 digits, more past 999999)
 * </pre>
 * Every file but {@code training.csv} is written atomically (see {@link AtomicFiles}). A run never deletes a file
 * it does not write: {@link #create} with {@code force} removes only the files above (and temporary files of
 * interrupted writes of them) and keeps anything else in the directory.
 */
public final class RunDirectory {

    public static final String CONFIG_FILE = "config.json";
    public static final String TRAINING_CSV = "training.csv";
    public static final String MODEL_FILE = "model.npz";
    public static final String CHECKPOINT_DIR = "checkpoints";

    private static final Pattern CHECKPOINT = Pattern.compile("step-(\\d{6,10})\\.npz");
    private static final List<String> RUN_FILES = List.of(CONFIG_FILE, TRAINING_CSV, MODEL_FILE);

    private final Path dir;

    private RunDirectory(Path dir) {
        this.dir = dir;
    }

    /**
     * Prepares a directory for a new run, creating it (and its parents) if needed.
     *
     * @param force if the directory is not empty: false refuses it; true removes the run files of an earlier run
     *              there (config.json, training.csv, model.npz, checkpoints/step-*.npz) and keeps every other file
     * @throws RunDirectoryException if the path is a file, or the directory is not empty and {@code force} is false
     */
    public static RunDirectory create(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new RunDirectoryException("run directory '" + dir + "' is a file, not a directory");
        }
        Files.createDirectories(dir);
        Path checkpoints = dir.resolve(CHECKPOINT_DIR);
        if (Files.exists(checkpoints) && !Files.isDirectory(checkpoints)) {
            throw new RunDirectoryException("run directory '" + dir + "' holds a file named '" + CHECKPOINT_DIR
                    + "' where checkpoints go; move it away");
        }
        List<String> entries = list(dir);
        if (!entries.isEmpty()) {
            if (!force) {
                String shown = String.join(", ", entries.subList(0, Math.min(5, entries.size())))
                        + (entries.size() > 5 ? " and " + (entries.size() - 5) + " more" : "");
                throw new RunDirectoryException("run directory '" + dir + "' is not empty (it holds " + shown
                        + "); choose a new directory, or force (--force) to replace the files of the earlier run ("
                        + "config.json, training.csv, model.npz, checkpoints/) and keep any other file");
            }
            removeRunFiles(dir);
        }
        return new RunDirectory(dir);
    }

    /**
     * Opens the directory of an existing run, for reading or resuming.
     *
     * @throws RunDirectoryException if it does not exist or has no config.json
     */
    public static RunDirectory open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new RunDirectoryException("run directory '" + dir + "' does not exist");
        }
        if (!Files.isRegularFile(dir.resolve(CONFIG_FILE))) {
            throw new RunDirectoryException("'" + dir + "' is not a run directory: it has no " + CONFIG_FILE);
        }
        return new RunDirectory(dir);
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static void removeRunFiles(Path dir) throws IOException {
        for (String name : list(dir)) {
            if (RUN_FILES.contains(name) || RUN_FILES.stream().anyMatch(f -> AtomicFiles.isTempFileOf(name, f))) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
        Path checkpoints = dir.resolve(CHECKPOINT_DIR);
        if (Files.isDirectory(checkpoints)) {
            for (String name : list(checkpoints)) {
                if (CHECKPOINT.matcher(name).matches() || isCheckpointTemp(name)) {
                    Files.deleteIfExists(checkpoints.resolve(name));
                }
            }
            if (list(checkpoints).isEmpty()) {
                Files.delete(checkpoints);
            }
        }
    }

    private static boolean isCheckpointTemp(String name) {
        if (!name.startsWith(".") || !name.endsWith(".tmp") || name.length() < 22) {
            return false;
        }
        String target = name.substring(1, name.length() - 21);
        return CHECKPOINT.matcher(target).matches() && AtomicFiles.isTempFileOf(name, target);
    }

    // ----------------------------------------------------------------------------------------------- paths

    public Path dir() {
        return dir;
    }

    public Path configFile() {
        return dir.resolve(CONFIG_FILE);
    }

    public Path trainingCsv() {
        return dir.resolve(TRAINING_CSV);
    }

    public Path modelFile() {
        return dir.resolve(MODEL_FILE);
    }

    public Path checkpointDir() {
        return dir.resolve(CHECKPOINT_DIR);
    }

    /** {@code checkpoints/step-000500.npz} for step 500. */
    public Path checkpointFile(int step) {
        return checkpointDir().resolve(checkpointName(step));
    }

    /** {@code step-000500.npz} for step 500: zero-padded to 6 digits so that names sort by step. */
    public static String checkpointName(int step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        return String.format(Locale.ROOT, "step-%06d.npz", step);
    }

    // --------------------------------------------------------------------------------------------- content

    /** Writes config.json: the fully resolved config. */
    public void writeConfig(ExperimentConfig config) throws IOException {
        AtomicFiles.writeString(configFile(), ConfigLoader.toJson(config));
    }

    /** Reads config.json; errors name the file. */
    public ExperimentConfig readConfig(ConfigLoader loader) {
        return loader.load(configFile());
    }

    /** Starts training.csv afresh. */
    public TrainingLog createTrainingLog() throws IOException {
        return TrainingLog.create(trainingCsv());
    }

    /** Continues training.csv (see {@link TrainingLog#append}). */
    public TrainingLog appendTrainingLog() throws IOException {
        return TrainingLog.append(trainingCsv());
    }

    /** The rows of training.csv. */
    public List<TrainingRow> readTrainingLog() throws IOException {
        return TrainingLog.read(trainingCsv());
    }

    /** Writes model.npz. */
    public void writeModel(Map<String, NdArray> parameters) throws IOException {
        Npz.write(modelFile(), parameters);
    }

    public Map<String, NdArray> readModel() throws IOException {
        return Npz.read(modelFile());
    }

    /** Writes checkpoints/step-NNNNNN.npz and returns its path. */
    public Path writeCheckpoint(int step, Map<String, NdArray> parameters) throws IOException {
        Files.createDirectories(checkpointDir());
        Path file = checkpointFile(step);
        Npz.write(file, parameters);
        return file;
    }

    /** The checkpoints present, by step. */
    public NavigableMap<Integer, Path> checkpoints() throws IOException {
        NavigableMap<Integer, Path> found = new TreeMap<>();
        if (Files.isDirectory(checkpointDir())) {
            for (String name : list(checkpointDir())) {
                Matcher m = CHECKPOINT.matcher(name);
                if (m.matches()) {
                    long step = Long.parseLong(m.group(1));
                    if (step <= Integer.MAX_VALUE) {
                        found.put((int) step, checkpointDir().resolve(name));
                    }
                }
            }
        }
        return Collections.unmodifiableNavigableMap(found);
    }

    @Override
    public String toString() {
        return "RunDirectory[" + dir + "]";
    }
}
