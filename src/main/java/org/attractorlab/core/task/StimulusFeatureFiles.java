package org.attractorlab.core.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.attractorlab.core.io.DType;
import org.attractorlab.core.io.NdArray;
import org.attractorlab.core.io.Npy;

/**
 * Reads the sensory front end's feature table: a directory with
 * <ul>
 *   <li>{@code features.npy}: float32 (or float64) [n_images, F], one row per image, and</li>
 *   <li>{@code stimuli.csv}: header {@code file,category,identity,location,view} (0-based integer codes; further
 *       columns may follow and are ignored), one row per image in the same order as the feature rows.</li>
 * </ul>
 * The bundled set is read from the classpath folder {@code /assets/sensory/} (built from {@code assets/sensory/}
 * of the source tree). Tables are cached by directory and file modification times, so building a task again does
 * not read the files again.
 */
public final class StimulusFeatureFiles {
    /** Feature file name inside the directory. */
    public static final String FEATURES = "features.npy";
    /** Index file name inside the directory. */
    public static final String STIMULI = StimulusIndexFile.FILE;
    /** The classpath folder of the bundled set. */
    public static final String BUNDLED = "/assets/sensory/";

    private static final Map<String, StimulusFeatureTable> CACHE = new ConcurrentHashMap<>();

    private StimulusFeatureFiles() {
    }

    /** The table of directory {@code dir}, or of the bundled set if {@code dir} is blank. */
    public static StimulusFeatureTable resolve(String dir) throws IOException {
        return dir == null || dir.isBlank() ? bundled() : load(Path.of(dir));
    }

    /**
     * Checks that the two files exist (in {@code dir}, or in the bundled set if {@code dir} is blank) without
     * reading them, so a config can be refused before anything is built.
     *
     * @throws IOException naming the missing file or directory
     */
    public static void checkPresent(String dir) throws IOException {
        if (dir == null || dir.isBlank()) {
            for (String name : List.of(FEATURES, STIMULI)) {
                if (StimulusFeatureFiles.class.getResource(BUNDLED + name) == null) {
                    throw missingBundled(BUNDLED + name);
                }
            }
            return;
        }
        Path d = Path.of(dir);
        if (!Files.isDirectory(d)) {
            throw new IOException(d + ": no such directory (it should hold " + FEATURES + " and " + STIMULI + ")");
        }
        for (String name : List.of(FEATURES, STIMULI)) {
            if (!Files.isRegularFile(d.resolve(name))) {
                throw new IOException(d.resolve(name) + ": no such file");
            }
        }
    }

    private static IOException missingBundled(String resource) {
        return new IOException("the bundled sensory features are missing from the build (classpath " + resource
                + "): run ./attractor-lab train-sensory, or point task.features_dir at a directory with " + FEATURES
                + " and " + STIMULI);
    }

    /** The bundled set from the classpath. */
    public static StimulusFeatureTable bundled() throws IOException {
        StimulusFeatureTable cached = CACHE.get(BUNDLED);
        if (cached != null) {
            return cached;
        }
        String featuresName = BUNDLED + FEATURES;
        String stimuliName = BUNDLED + STIMULI;
        try (InputStream features = StimulusFeatureFiles.class.getResourceAsStream(featuresName);
             InputStream stimuli = StimulusFeatureFiles.class.getResourceAsStream(stimuliName)) {
            if (features == null || stimuli == null) {
                throw missingBundled(features == null ? featuresName : stimuliName);
            }
            NdArray array = Npy.read(features, "classpath:" + featuresName);
            List<StimulusIndexFile.Entry> index = StimulusIndexFile.read(stimuli, "classpath:" + stimuliName);
            StimulusFeatureTable table = build("classpath:" + BUNDLED, array, "classpath:" + featuresName, index,
                    "classpath:" + stimuliName);
            CACHE.put(BUNDLED, table);
            return table;
        }
    }

    /** Reads {@code dir/features.npy} and {@code dir/stimuli.csv}. */
    public static StimulusFeatureTable load(Path dir) throws IOException {
        Path featuresFile = dir.resolve(FEATURES);
        Path stimuliFile = dir.resolve(STIMULI);
        checkPresent(dir.toString());
        String key = dir.toAbsolutePath().normalize() + "|" + Files.getLastModifiedTime(featuresFile).toMillis()
                + "|" + Files.size(featuresFile) + "|" + Files.getLastModifiedTime(stimuliFile).toMillis()
                + "|" + Files.size(stimuliFile);
        StimulusFeatureTable cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        NdArray array = Npy.read(featuresFile);
        List<StimulusIndexFile.Entry> index = StimulusIndexFile.read(stimuliFile);
        StimulusFeatureTable table = build(dir.toString(), array, featuresFile.toString(), index,
                stimuliFile.toString());
        if (CACHE.size() > 8) {
            CACHE.clear();
        }
        CACHE.put(key, table);
        return table;
    }

    private static StimulusFeatureTable build(String source, NdArray array, String featuresName,
                                              List<StimulusIndexFile.Entry> index, String stimuliName)
            throws IOException {
        if (array.ndim() != 2) {
            throw new IOException(featuresName + ": expected a 2-D array [n_images, F], got shape "
                    + java.util.Arrays.toString(array.shape()));
        }
        float[] features;
        if (array.dtype() == DType.FLOAT32) {
            features = array.floats();
        } else if (array.dtype() == DType.FLOAT64) {
            double[] d = array.doubles();
            features = new float[d.length];
            for (int i = 0; i < d.length; i++) {
                features[i] = (float) d[i];
            }
        } else {
            throw new IOException(featuresName + ": expected float32 features, got " + array.dtype().descr());
        }
        int n = index.size();
        if (n != array.dim(0)) {
            throw new IOException(featuresName + " has " + array.dim(0) + " rows but " + stimuliName + " has " + n
                    + " stimuli; the rows must align");
        }
        List<String> files = new ArrayList<>(n);
        int[][] codes = new int[4][n];
        for (int r = 0; r < n; r++) {
            StimulusIndexFile.Entry e = index.get(r);
            files.add(e.file());
            codes[0][r] = e.category();
            codes[1][r] = e.identity();
            codes[2][r] = e.location();
            codes[3][r] = e.view();
        }
        try {
            return new StimulusFeatureTable(source, files, codes[0], codes[1], codes[2], codes[3], features,
                    array.dim(1));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }
}
