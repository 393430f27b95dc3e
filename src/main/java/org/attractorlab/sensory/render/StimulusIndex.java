package org.attractorlab.sensory.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.attractorlab.core.task.StimulusIndexFile;

/**
 * The index of a stimulus directory, {@code stimuli.csv}: header
 * {@code file,category,identity,location,view,category_name,azimuth_deg,elevation_deg,roll_deg}, one row per image.
 * The first five columns are the contract (file relative to the directory, then 0-based integers); readers must
 * accept, and ignore, further columns.
 */
public final class StimulusIndex {
    /** The index file's name inside a stimulus directory. */
    public static final String FILE = StimulusIndexFile.FILE;
    /** The required leading columns. */
    public static final List<String> REQUIRED = StimulusIndexFile.COLUMNS;
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

    /** Reads {@code dir/stimuli.csv} (see {@link StimulusIndexFile}); a failure names the file, line and field. */
    public static List<Row> read(Path dir) throws IOException {
        List<Row> rows = new ArrayList<>();
        for (StimulusIndexFile.Entry e : StimulusIndexFile.read(dir.resolve(FILE))) {
            rows.add(new Row(e.file(), e.category(), e.identity(), e.location(), e.view()));
        }
        return rows;
    }
}
