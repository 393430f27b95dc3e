package org.attractorlab.core.run;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Appends {@link TrainingRow}s to {@code training.csv}. The first line is the header
 * {@code step,loss,accuracy,validation_loss,validation_accuracy,grad_norm,learning_rate,steps_per_second,elapsed_seconds};
 * NaN is written {@code nan}. Each row goes to the file in one write and is flushed, so a reader (or a crash) sees
 * whole lines, except at worst an unfinished last line, which {@link #read} skips and {@link #append} removes.
 * Thread-safe.
 */
public final class TrainingLog implements Closeable {

    /** The header line, without its '\n'. */
    public static final String HEADER = String.join(",", TrainingRow.COLUMNS);

    private final Path file;
    private final OutputStream out;

    private TrainingLog(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /**
     * Starts a new log, replacing any file there. The header is written atomically (see
     * {@link org.attractorlab.core.io.AtomicFiles}), so that a crash never leaves a training.csv without its header.
     */
    public static TrainingLog create(Path file) throws IOException {
        org.attractorlab.core.io.AtomicFiles.writeString(file, HEADER + "\n");
        return new TrainingLog(file, Files.newOutputStream(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND));
    }

    /**
     * Continues an existing log (for a resumed run), or starts one if there is none. An unfinished last line left
     * by a crash is removed.
     *
     * @throws IOException if the file exists with another header
     */
    public static TrainingLog append(Path file) throws IOException {
        if (!Files.exists(file) || Files.size(file) == 0) {
            return create(file);
        }
        String first;
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            first = r.readLine();
        }
        if (!HEADER.equals(first == null ? null : first.strip())) {
            throw new IOException(file + ": cannot append training rows: its header is '" + first
                    + "', expected '" + HEADER + "'");
        }
        dropUnfinishedLastLine(file);
        return new TrainingLog(file, Files.newOutputStream(file, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND));
    }

    private static void dropUnfinishedLastLine(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long end = ch.size();
            ByteBuffer buf = ByteBuffer.allocate(8192);
            long pos = end;
            while (pos > 0) {
                int n = (int) Math.min(buf.capacity(), pos);
                pos -= n;
                buf.clear().limit(n);
                while (buf.hasRemaining()) {
                    if (ch.read(buf, pos + buf.position()) < 0) {
                        throw new IOException(file + " changed while being read");
                    }
                }
                for (int i = n - 1; i >= 0; i--) {
                    if (buf.get(i) == '\n') {
                        long keep = pos + i + 1;
                        if (keep < end) {
                            ch.truncate(keep);
                        }
                        return;
                    }
                }
            }
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one row and flushes it to the file. */
    public synchronized void write(TrainingRow row) throws IOException {
        out.write(row.toCsvLine().getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }

    /**
     * Reads a log written by this class. An unfinished last line (no '\n') is skipped.
     *
     * @throws IOException if the header is not {@link #HEADER} or a complete line is malformed, naming the line
     */
    public static List<TrainingRow> read(Path file) throws IOException {
        String text = new String(org.attractorlab.core.io.BoundedFiles.read(file,
                org.attractorlab.core.io.BoundedFiles.TABLE_LIMIT, "a training log"), StandardCharsets.UTF_8);
        List<TrainingRow> rows = new ArrayList<>();
        int lineStart = 0;
        int lineNo = 0;
        while (true) {
            int nl = text.indexOf('\n', lineStart);
            if (nl < 0) {
                break;
            }
            String line = text.substring(lineStart, nl);
            lineNo++;
            lineStart = nl + 1;
            if (lineNo == 1) {
                if (!line.strip().equals(HEADER)) {
                    throw new IOException(file + ": not a training log: the header is '" + line + "', expected '"
                            + HEADER + "'");
                }
            } else if (!line.isBlank()) {
                try {
                    rows.add(TrainingRow.parse(line, file + " line " + lineNo));
                } catch (IllegalArgumentException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }
        }
        if (lineNo == 0) {
            throw new IOException(file + ": not a training log: it has no header line");
        }
        return rows;
    }
}
