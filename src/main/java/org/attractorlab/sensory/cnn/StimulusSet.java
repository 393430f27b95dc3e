package org.attractorlab.sensory.cnn;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.attractorlab.core.task.StimulusIndexFile;

/**
 * A stimulus set on disk: a directory of RGB PNG images and {@code stimuli.csv}, whose header starts with
 * {@code file,category,identity,location,view} (further columns may follow and are kept in the copy but not read),
 * one row per image, {@code file} relative to the directory, the other columns 0-based integers. Plain Java: reading
 * a set never loads ND4J.
 */
public final class StimulusSet {
    /** The index file's name inside a stimulus directory. */
    public static final String INDEX = StimulusIndexFile.FILE;
    /** The required leading columns of the index, in this order. */
    public static final List<String> COLUMNS = StimulusIndexFile.COLUMNS;

    private final Path dir;
    private final List<Stimulus> stimuli;
    private final int categories;
    private final int identities;
    private final int locations;
    private final int views;

    private StimulusSet(Path dir, List<Stimulus> stimuli) {
        this.dir = dir;
        this.stimuli = List.copyOf(stimuli);
        this.categories = 1 + stimuli.stream().mapToInt(Stimulus::category).max().orElse(-1);
        this.identities = 1 + stimuli.stream().mapToInt(Stimulus::identity).max().orElse(-1);
        this.locations = 1 + stimuli.stream().mapToInt(Stimulus::location).max().orElse(-1);
        this.views = 1 + stimuli.stream().mapToInt(Stimulus::view).max().orElse(-1);
    }

    /**
     * Reads the index of the stimulus set in {@code dir} (images are read later, by {@link #pixels}).
     *
     * @throws IOException naming the file, line and field when the directory or index is missing or malformed
     */
    public static StimulusSet open(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir + ": not a stimulus directory (expected a directory holding " + INDEX
                    + " and the images)");
        }
        List<Stimulus> rows = new ArrayList<>();
        for (StimulusIndexFile.Entry e : StimulusIndexFile.read(dir.resolve(INDEX))) {
            rows.add(new Stimulus(e.file(), e.category(), e.identity(), e.location(), e.view()));
        }
        return new StimulusSet(dir, rows);
    }

    public Path directory() {
        return dir;
    }

    public Path index() {
        return dir.resolve(INDEX);
    }

    public List<Stimulus> stimuli() {
        return stimuli;
    }

    public int size() {
        return stimuli.size();
    }

    /** Number of categories (largest label + 1). */
    public int categories() {
        return categories;
    }

    /** Number of identities within a category (largest label + 1). */
    public int identities() {
        return identities;
    }

    public int locations() {
        return locations;
    }

    public int views() {
        return views;
    }

    /** The distinct view indices present, ascending. */
    public List<Integer> viewValues() {
        TreeSet<Integer> s = new TreeSet<>();
        stimuli.forEach(x -> s.add(x.view()));
        return List.copyOf(s);
    }

    /** Global identity label {@code category * identities() + identity}. */
    public int globalIdentity(Stimulus s) {
        return s.category() * identities + s.identity();
    }

    /**
     * The images as one float array in NCHW order ({@code [n, 3, height, width]}, RGB, values {@code p / 255 *
     * scale}). Every image must be readable and of the same size.
     *
     * @param scale the value of a full-intensity pixel (1 for [0, 1] inputs)
     * @throws NoSuchFileException naming a missing image
     * @throws SensoryException     naming an image that is unreadable or of another size than the first
     */
    public Images pixels(double scale) throws IOException {
        int h = -1;
        int w = -1;
        float[] data = null;
        for (int i = 0; i < stimuli.size(); i++) {
            Path p = dir.resolve(stimuli.get(i).file());
            if (!Files.isRegularFile(p)) {
                throw new NoSuchFileException(p + ": image listed in " + index() + " (row " + (i + 1) + ") is missing");
            }
            BufferedImage img = ImageIO.read(p.toFile());
            if (img == null) {
                throw new SensoryException(p + ": not a readable image (expected an RGB PNG)");
            }
            if (data == null) {
                h = img.getHeight();
                w = img.getWidth();
                data = new float[Math.multiplyExact(stimuli.size(), 3 * h * w)];
            } else if (img.getHeight() != h || img.getWidth() != w) {
                throw new SensoryException(p + ": is " + img.getWidth() + "x" + img.getHeight() + " but the first image is "
                        + w + "x" + h + "; all stimuli must have one size");
            }
            int plane = h * w;
            int base = i * 3 * plane;
            float k = (float) (scale / 255.0);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    int o = y * w + x;
                    data[base + o] = ((rgb >> 16) & 0xff) * k;
                    data[base + plane + o] = ((rgb >> 8) & 0xff) * k;
                    data[base + 2 * plane + o] = (rgb & 0xff) * k;
                }
            }
        }
        return new Images(stimuli.size(), 3, h, w, data);
    }

    /**
     * Images in NCHW order.
     *
     * @param data row-major {@code [n, channels, height, width]}
     */
    public record Images(int n, int channels, int height, int width, float[] data) {
        public Images {
            if ((long) n * channels * height * width != data.length) {
                throw new IllegalArgumentException("images: " + data.length + " values for shape [" + n + ", "
                        + channels + ", " + height + ", " + width + "]");
            }
        }
    }
}
