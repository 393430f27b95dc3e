package org.attractorlab.core.io;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a whole file only when it is a regular file no larger than the limit of its kind, checked before anything
 * is read: a device such as /dev/zero, a FIFO or a 10 GB file gets a message naming the file and the limit instead
 * of filling the memory. The read itself stops at the limit too, in case the file grows while it is read.
 */
public final class BoundedFiles {
    /** Configs and sweep specs. */
    public static final long CONFIG_LIMIT = 16L << 20;
    /** session.json. */
    public static final long SESSION_LIMIT = 16L << 20;
    /** Tables (training.csv, stimuli.csv, conditions). */
    public static final long TABLE_LIMIT = 512L << 20;

    private BoundedFiles() {
    }

    /** A file that is not a regular file, or is larger than its kind allows. */
    public static final class LimitException extends IOException {
        public LimitException(String message) {
            super(message);
        }
    }

    /**
     * The bytes of {@code file}.
     *
     * @param kind what the file is, for the message ("a config file")
     * @throws NoSuchFileException if it does not exist
     * @throws LimitException      if it is not a regular file or is larger than {@code limit}
     */
    public static byte[] read(Path file, long limit, String kind) throws IOException {
        checkRegular(file, kind);
        long size = Files.size(file);
        if (size > limit) {
            throw tooLarge(file, size, limit, kind);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw tooLarge(file, bytes.length, limit, kind);
            }
            return bytes;
        }
    }

    /** Refuses a missing file, or one that is not a regular file (a directory, device, FIFO or socket). */
    public static void checkRegular(Path file, String kind) throws IOException {
        if (!Files.exists(file)) {
            throw new NoSuchFileException(file.toString());
        }
        if (!Files.isRegularFile(file)) {
            throw new LimitException(file + " is not a regular file (a directory, a device or a pipe): " + kind
                    + " must be an ordinary file");
        }
    }

    private static LimitException tooLarge(Path file, long size, long limit, String kind) {
        return new LimitException(String.format(Locale.ROOT, "%s is %s; %s is at most %s", file, size(size), kind,
                size(limit)));
    }

    /** A byte count in B, KiB, MiB or GiB. */
    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, v >= 100 ? "%.0f %s" : "%.1f %s", v, units[u]);
    }
}
