package org.attractorlab.sensory.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of a stimulus directory, {@code stimuli.csv}: header
 * {@code file,category,identity,location,view,category_name,azimuth_deg,elevation_deg,roll_deg}, one row per image.
 * The first five columns are the contract (file relative to the directory, then 0-based integers); readers must
 * accept, and ignore, further columns.
 */
public final class StimulusIndex {
    /** The index file's name inside a stimulus directory. */
    public static final String FILE = "stimuli.csv";
    /** The required leading columns. */
    public static final List<String> REQUIRED = List.of("file", "category", "identity", "location", "view");
    /** Every column this version writes. */
    public static final List<String> HEADER = List.of("file", "category", "identity", "location", "view",
            "category_name", "azimuth_deg", "elevation_deg", "roll_deg");

    private StimulusIndex() {
    }

    /** One image of a stimulus directory. */
    public record Row(String file, int category, int identity, int location, int view) {
        public StimulusKey key() {
            return new StimulusKey(category, identity, location, view);
        }
    }

    /** The row fields of one stimulus, as written. */
    static List<Object> fields(StimulusKey k, RenderOptions o) {
        Pose p = Pose.of(o.seed(), k.category(), k.identity(), k.view(), o.views());
        return List.of(k.fileName(), k.category(), k.identity(), k.location(), k.view(),
                ShapeFamily.of(k.category()).label(), round2(p.azimuth()), round2(p.elevation()), round2(p.roll()));
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    /** Reads {@code dir/stimuli.csv}; the message of a failure names the file, the line and the field. */
    public static List<Row> read(Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": no stimulus index here (render one with ./attractor-lab render-stimuli)");
        }
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IOException(file + ": empty file");
        }
        String[] header = lines.get(0).split(",", -1);
        for (int c = 0; c < REQUIRED.size(); c++) {
            if (header.length <= c || !header[c].trim().equals(REQUIRED.get(c))) {
                throw new IOException(file + ": the header must start with " + String.join(",", REQUIRED)
                        + ", found " + lines.get(0));
            }
        }
        List<Row> rows = new ArrayList<>(lines.size() - 1);
        for (int n = 1; n < lines.size(); n++) {
            String line = lines.get(n);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < REQUIRED.size()) {
                throw new IOException(file + " line " + (n + 1) + ": " + f.length + " fields, need at least "
                        + REQUIRED.size());
            }
            int[] v = new int[4];
            for (int c = 0; c < 4; c++) {
                try {
                    v[c] = Integer.parseInt(f[c + 1].trim());
                } catch (NumberFormatException e) {
                    throw new IOException(file + " line " + (n + 1) + ": " + REQUIRED.get(c + 1) + " = '" + f[c + 1]
                            + "' is not an integer", e);
                }
                if (v[c] < 0) {
                    throw new IOException(file + " line " + (n + 1) + ": " + REQUIRED.get(c + 1) + " = " + v[c]
                            + " is negative");
                }
            }
            rows.add(new Row(f[0].trim(), v[0], v[1], v[2], v[3]));
        }
        return rows;
    }
}
