package org.attractorlab.core.io;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * NumPy .npz files: a zip archive with one .npy entry per array, named {@code NAME.npy}, as {@code numpy.savez}
 * ({@link Compression#STORED}) and {@code numpy.savez_compressed} ({@link Compression#DEFLATED}) write them;
 * {@code numpy.load(file)[NAME]} gives the array back. Entries keep the map's order and carry a fixed timestamp, so
 * equal contents give equal files.
 */
public final class Npz {

    /** How entries are stored. */
    public enum Compression {
        /** Uncompressed, like {@code numpy.savez}: fastest; trained float weights barely compress anyway. */
        STORED,
        /** Deflate, like {@code numpy.savez_compressed}. */
        DEFLATED
    }

    private static final String SUFFIX = ".npy";
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    private Npz() {
    }

    /** Writes the arrays, uncompressed, to {@code file} atomically. */
    public static void write(Path file, Map<String, NdArray> arrays) throws IOException {
        write(file, arrays, Compression.STORED);
    }

    /** Writes the arrays to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, Map<String, NdArray> arrays, Compression compression) throws IOException {
        checkNames(arrays);
        AtomicFiles.write(file, out -> write(out, arrays, compression));
    }

    /**
     * Writes the arrays as an .npz archive to {@code out}, which is not closed.
     *
     * @param arrays name to array, in entry order; names are non-empty relative paths without {@code ..}
     */
    public static void write(OutputStream out, Map<String, NdArray> arrays, Compression compression)
            throws IOException {
        checkNames(arrays);
        ZipOutputStream zip = new ZipOutputStream(out);
        for (Map.Entry<String, NdArray> e : arrays.entrySet()) {
            NdArray array = e.getValue();
            ZipEntry entry = new ZipEntry(e.getKey() + SUFFIX);
            entry.setTimeLocal(ENTRY_TIME);
            if (compression == Compression.STORED) {
                CheckedOutputStream crc = new CheckedOutputStream(OutputStream.nullOutputStream(), new CRC32());
                Npy.write(crc, array);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(Npy.byteSize(array));
                entry.setCompressedSize(Npy.byteSize(array));
                entry.setCrc(crc.getChecksum().getValue());
            } else {
                entry.setMethod(ZipEntry.DEFLATED);
            }
            zip.putNextEntry(entry);
            Npy.write(zip, array);
            zip.closeEntry();
        }
        zip.finish();
    }

    /**
     * Reads every array of an .npz file, in entry order. Each entry must be a well-formed .npy whose size and CRC
     * match the archive's directory.
     *
     * @return an unmodifiable map of name (entry name without {@code .npy}) to array
     * @throws NpyFormatException if the file is not a zip archive, is truncated, or an entry is corrupt
     */
    public static Map<String, NdArray> read(Path file) throws IOException {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        BoundedFiles.checkRegular(file, "an .npz archive");
        long fileSize = java.nio.file.Files.size(file);
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                String name = entry.getName();
                String source = file + " entry '" + name + "'";
                if (entry.isDirectory() || !name.endsWith(SUFFIX)) {
                    throw new NpyFormatException(source + ": not a .npy array; an .npz holds only NAME.npy entries");
                }
                String key = name.substring(0, name.length() - SUFFIX.length());
                NdArray array;
                try (CheckedInputStream in = new CheckedInputStream(
                        new BufferedInputStream(zip.getInputStream(entry), 1 << 16), new CRC32())) {
                    // the directory's sizes are trusted (to refuse a short entry before anything is allocated)
                    // only where the file itself bounds them: a stored entry no larger than the file
                    boolean bounded = entry.getMethod() == ZipEntry.STORED && entry.getSize() >= 0
                            && entry.getSize() <= fileSize;
                    if (entry.getMethod() == ZipEntry.STORED && !bounded) {
                        throw new NpyFormatException(source + ": corrupt: the archive gives it " + entry.getSize()
                                + " bytes, but the file has only " + fileSize);
                    }
                    array = Npy.read(in, source, bounded ? entry.getSize() : -1);
                    if (entry.getCrc() != -1 && in.getChecksum().getValue() != entry.getCrc()) {
                        throw new NpyFormatException(source + ": corrupt: its CRC does not match the archive's");
                    }
                } catch (ZipException | EOFException e) {
                    throw new NpyFormatException(source + ": corrupt or truncated: " + e.getMessage(), e);
                }
                if (arrays.put(key, array) != null) {
                    throw new NpyFormatException(source + ": a second entry named '" + name + "'");
                }
            }
        } catch (ZipException e) {
            throw new NpyFormatException(file + ": not a valid .npz (zip) file, or truncated: " + e.getMessage(), e);
        }
        return Collections.unmodifiableMap(arrays);
    }

    private static void checkNames(Map<String, NdArray> arrays) {
        for (String name : arrays.keySet()) {
            if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains("\0")
                    || ("/" + name + "/").contains("/../") || name.endsWith("/")) {
                throw new IllegalArgumentException("'" + name + "' cannot name an .npz entry: use a non-empty "
                        + "relative name without '..', '\\' or a trailing '/'");
            }
        }
    }
}
