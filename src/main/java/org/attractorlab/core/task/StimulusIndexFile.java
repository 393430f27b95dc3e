package org.attractorlab.core.task;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The index of a stimulus directory, {@code stimuli.csv}: a header that starts with
 * {@code file,category,identity,location,view} (further columns may follow and are not read), then one row per image:
 * its file, relative to the directory, and its 0-based category, identity (within the category), location and view.
 * The one reader of this format: the renderer's checks, the sensory CNN's stimulus sets and the N-back task's feature
 * tables all read it here. Every failure names the file, the line and the field.
 */
public final class StimulusIndexFile {
    /** The index file's name inside a stimulus directory. */
    public static final String FILE = "stimuli.csv";
    /** The required leading columns, in this order. */
    public static final List<String> COLUMNS = List.of("file", "category", "identity", "location", "view");

    private StimulusIndexFile() {
    }

    /** One image of the index. */
    public record Entry(String file, int category, int identity, int location, int view) {
    }

    /** Reads an index file. */
    public static List<Entry> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file + ": missing; a stimulus directory needs an index with the header "
                    + String.join(",", COLUMNS) + " (./attractor-lab render-stimuli writes one with its images)");
        }
        byte[] bytes = org.attractorlab.core.io.BoundedFiles.read(file, org.attractorlab.core.io.BoundedFiles.TABLE_LIMIT,
                "a stimulus index");
        return parse(new String(bytes, StandardCharsets.UTF_8).lines().toList(), file.toString());
    }

    /** Reads an index from a stream (a classpath resource, say); {@code source} names it in messages. */
    public static List<Entry> read(InputStream in, String source) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(text.lines().toList(), source);
    }

    static List<Entry> parse(List<String> lines, String source) throws IOException {
        if (lines.isEmpty()) {
            throw new IOException(source + ": empty; expected the header " + String.join(",", COLUMNS));
        }
        String first = lines.get(0).strip();
        if (first.startsWith("\ufeff")) {
            first = first.substring(1);
        }
        String[] header = first.split(",", -1);
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (header.length <= i || !unquote(header[i].strip()).equals(COLUMNS.get(i))) {
                throw new IOException(source + ": the header must start with " + String.join(",", COLUMNS)
                        + ", found '" + first + "'");
            }
        }
        List<Entry> rows = new ArrayList<>(lines.size() - 1);
        for (int ln = 1; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < COLUMNS.size()) {
                throw new IOException(source + " line " + (ln + 1) + ": expected at least " + COLUMNS.size()
                        + " fields, got " + f.length);
            }
            String file = unquote(f[0].strip());
            if (file.isEmpty()) {
                throw new IOException(source + " line " + (ln + 1) + ": empty file name");
            }
            int[] v = new int[4];
            for (int c = 1; c <= 4; c++) {
                String s = unquote(f[c].strip());
                try {
                    v[c - 1] = Integer.parseInt(s);
                } catch (NumberFormatException e) {
                    throw new IOException(source + " line " + (ln + 1) + ": column '" + COLUMNS.get(c) + "' is '" + s
                            + "'; use 0-based integer codes", e);
                }
                if (v[c - 1] < 0) {
                    throw new IOException(source + " line " + (ln + 1) + ": column '" + COLUMNS.get(c) + "' is "
                            + v[c - 1] + "; use 0-based integer codes");
                }
            }
            rows.add(new Entry(file, v[0], v[1], v[2], v[3]));
        }
        if (rows.isEmpty()) {
            throw new IOException(source + ": no stimuli (only a header)");
        }
        return rows;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }
}
