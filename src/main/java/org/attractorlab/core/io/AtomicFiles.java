package org.attractorlab.core.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that readers, and a crash, only ever see the old or the new content: the bytes go to a hidden
 * temporary file in the target's directory ({@code .NAME.RANDOM.tmp}), are forced to disk, and the file is then
 * renamed over the target with {@link StandardCopyOption#ATOMIC_MOVE}. On failure the temporary file is deleted
 * and the target is untouched. The temporary file is created with the default permissions of new files.
 */
public final class AtomicFiles {

    /** Writes the content of a file to a stream; the stream must not be closed by it (closing is harmless). */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    private static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Atomically replaces {@code target} with what {@code writer} writes. The parent directory must exist. */
    public static void write(Path target, StreamWriter writer) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        String name = absolute.getFileName().toString();
        Path temp = null;
        FileChannel channel = null;
        for (int attempt = 0; channel == null; attempt++) {
            temp = dir.resolve("." + name + "." + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong())
                    + TEMP_SUFFIX);
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 10) {
                    throw e;
                }
            }
        }
        boolean moved = false;
        try {
            try (FileChannel ch = channel) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(ch), 1 << 16);
                writer.writeTo(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                    }

                    @Override
                    public void close() throws IOException {
                        out.flush();
                    }
                });
                out.flush();
                ch.force(true);
            }
            Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Atomically replaces {@code target} with {@code bytes}. */
    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Atomically replaces {@code target} with {@code text} in UTF-8. */
    public static void writeString(Path target, String text) throws IOException {
        write(target, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Atomically replaces {@code target} with an .npy file of {@code array}. */
    public static void writeNpy(Path target, NdArray array) throws IOException {
        write(target, out -> Npy.write(out, array));
    }

    /** Whether a file name is one of the temporary files this class makes for {@code targetName}. */
    public static boolean isTempFileOf(String fileName, String targetName) {
        return fileName.startsWith("." + targetName + ".") && fileName.endsWith(TEMP_SUFFIX)
                && fileName.length() == targetName.length() + 2 + 16 + TEMP_SUFFIX.length();
    }
}
