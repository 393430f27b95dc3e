package org.attractorlab.sensory.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.attractorlab.core.io.AtomicFiles;
import org.attractorlab.core.io.Csv;

/**
 * Renders a whole stimulus set into a directory: one PNG per image ({@link StimulusKey#fileName()}),
 * {@code stimuli.csv} ({@link StimulusIndex}), {@code categories.csv} ({@code category,name}) and
 * {@code render.json} (the options used). The same options give the same files, byte for byte, on one machine.
 *
 * <p>A non-empty directory is refused unless {@code force}; with it, the files a render writes are replaced, and
 * stimulus images of an earlier render that the new index does not list are removed (other files are left alone).
 * While the FX thread draws one batch, the caller's thread encodes the previous one.
 */
public final class StimulusSetWriter {
    /** Images per visit to the FX thread. */
    static final int BATCH = 64;
    public static final String CATEGORIES_FILE = "categories.csv";
    public static final String OPTIONS_FILE = "render.json";

    /** Told after each batch; called on the caller's thread. */
    public interface Progress {
        void update(int done, int total);
    }

    /** What was written. */
    public record Summary(Path dir, int images, long bytes, double seconds) {
    }

    private StimulusSetWriter() {
    }

    /** Renders {@code options}' set into {@code dir} (created if missing). */
    public static Summary write(Path dir, RenderOptions options, boolean force, Progress progress) throws IOException {
        check(dir, force);
        long start = System.nanoTime();
        StimulusRenderer renderer = StimulusRenderer.open(options);
        Files.createDirectories(dir);
        List<StimulusKey> keys = StimulusKey.all(options);
        int total = keys.size();
        long bytes = 0;
        CompletableFuture<List<int[]>> next = renderer.renderRaw(keys.subList(0, Math.min(BATCH, total)));
        for (int from = 0; from < total; from += BATCH) {
            List<int[]> batch = FxRuntime.join(next);
            int to = Math.min(from + BATCH, total);
            if (to < total) {
                next = renderer.renderRaw(keys.subList(to, Math.min(to + BATCH, total)));
            }
            for (int k = 0; k < batch.size(); k++) {
                byte[] png = RgbImage.downsample(batch.get(k), options.size(), options.size(), options.supersample())
                        .toPng();
                Files.write(dir.resolve(keys.get(from + k).fileName()), png);
                bytes += png.length;
            }
            progress.update(to, total);
        }
        if (force) {
            removeStale(dir, keys);
        }
        AtomicFiles.writeString(dir.resolve(StimulusIndex.FILE), indexCsv(options));
        AtomicFiles.writeString(dir.resolve(CATEGORIES_FILE), categoriesCsv(options));
        AtomicFiles.writeString(dir.resolve(OPTIONS_FILE), optionsJson(options));
        return new Summary(dir, total, bytes, (System.nanoTime() - start) / 1e9);
    }

    /** The content of {@code stimuli.csv}. */
    static String indexCsv(RenderOptions o) {
        StringBuilder sb = new StringBuilder(Csv.line(StimulusIndex.HEADER));
        for (StimulusKey k : StimulusKey.all(o)) {
            sb.append(Csv.line(StimulusIndex.fields(k, o)));
        }
        return sb.toString();
    }

    /** The content of {@code categories.csv}. */
    static String categoriesCsv(RenderOptions o) {
        StringBuilder sb = new StringBuilder(Csv.line(List.of("category", "name")));
        for (int c = 0; c < o.categories(); c++) {
            sb.append(Csv.line(List.of(c, ShapeFamily.of(c).label())));
        }
        return sb.toString();
    }

    /** The content of {@code render.json}. */
    static String optionsJson(RenderOptions o) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("format", 1);
        root.put("size", o.size());
        root.put("categories", o.categories());
        root.put("identities", o.identities());
        root.put("locations", RenderOptions.LOCATIONS);
        root.put("views", o.views());
        root.put("seed", o.seed());
        root.put("supersample", o.supersample());
        root.put("images", o.imageCount());
        root.put("background", String.format(Locale.ROOT, "#%06x", StimulusRenderer.BACKGROUND));
        ArrayNode names = root.putArray("category_names");
        for (int c = 0; c < o.categories(); c++) {
            names.add(ShapeFamily.of(c).label());
        }
        ArrayNode locs = root.putArray("location_names");
        for (Location l : Location.values()) {
            locs.add(l.label());
        }
        try {
            return mapper.writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(Path dir, boolean force) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new StimulusDirectoryException(dir + " is a file, not a directory");
        }
        if (Files.isDirectory(dir)) {
            boolean empty;
            try (Stream<Path> s = Files.list(dir)) {
                empty = s.findAny().isEmpty();
            }
            if (!empty && !force) {
                throw new StimulusDirectoryException(dir + " is not empty; pass --force to replace the stimulus"
                        + " files in it");
            }
        }
    }

    private static void removeStale(Path dir, List<StimulusKey> keys) throws IOException {
        Set<String> keep = new HashSet<>();
        for (StimulusKey k : keys) {
            keep.add(k.fileName());
        }
        List<Path> stale;
        try (Stream<Path> s = Files.list(dir)) {
            stale = s.filter(p -> StimulusKey.isStimulusFileName(p.getFileName().toString())
                    && !keep.contains(p.getFileName().toString())).toList();
        }
        for (Path p : stale) {
            Files.delete(p);
        }
    }
}
