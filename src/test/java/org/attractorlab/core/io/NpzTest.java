package org.attractorlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzTest {

    @TempDir
    Path dir;

    private static Map<String, NdArray> sample() {
        Map<String, NdArray> arrays = new LinkedHashMap<>();
        int n = 0;
        for (int[] shape : NpyTest.SHAPES) {
            for (NdArray a : NpyTest.arraysOfEveryDtype(shape)) {
                arrays.put("a" + n++ + "_" + a.dtype().name().toLowerCase(), a);
            }
        }
        arrays.put("layer/w_rec", NdArray.of(new int[] {3, 3}, new float[9]));
        return arrays;
    }

    @Test
    void aStoredEntryWhoseDirectoryClaimsMoreBytesThanTheFileHasIsRefusedBeforeReadingIt() throws IOException {
        Path f = dir.resolve("lying.npz");
        Npz.write(f, Map.of("w", NdArray.of(new int[]{4}, new float[4])));
        byte[] b = Files.readAllBytes(f);
        // the sizes in the central directory (compressed and uncompressed, 20 and 24 bytes into its entry)
        int cen = indexOf(b, new byte[]{0x50, 0x4b, 0x01, 0x02});
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(cen + 20, 1 << 30)
                .putInt(cen + 24, 1 << 30);
        Files.write(f, b);
        IOException e = assertThrows(IOException.class, () -> Npz.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
    }

    @Test
    void arraysRoundTripInOrderWithBothCompressions() throws IOException {
        Map<String, NdArray> arrays = sample();
        for (Npz.Compression c : Npz.Compression.values()) {
            Path file = dir.resolve("m-" + c + ".npz");
            Npz.write(file, arrays, c);
            Map<String, NdArray> back = Npz.read(file);
            assertEquals(arrays, back);
            assertEquals(new ArrayList<>(arrays.keySet()), new ArrayList<>(back.keySet()));
            try (ZipFile zip = new ZipFile(file.toFile())) {
                ZipEntry entry = zip.getEntry("layer/w_rec.npy");
                assertEquals(c == Npz.Compression.STORED ? ZipEntry.STORED : ZipEntry.DEFLATED, entry.getMethod());
            }
        }
    }

    @Test
    void equalContentsGiveIdenticalFiles() throws IOException {
        Npz.write(dir.resolve("a.npz"), sample());
        Npz.write(dir.resolve("b.npz"), sample());
        assertArrayEquals(Files.readAllBytes(dir.resolve("a.npz")), Files.readAllBytes(dir.resolve("b.npz")));
    }

    @Test
    void emptyArchiveRoundTrips() throws IOException {
        Npz.write(dir.resolve("e.npz"), Map.of());
        assertEquals(Map.of(), Npz.read(dir.resolve("e.npz")));
    }

    @Test
    void truncatedArchiveIsRejectedNamingTheFile() throws IOException {
        Path file = dir.resolve("m.npz");
        Npz.write(file, sample());
        byte[] all = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.npz");
        Files.write(cut, Arrays.copyOf(all, all.length / 2));
        String m = assertThrows(NpyFormatException.class, () -> Npz.read(cut)).getMessage();
        assertTrue(m.startsWith(cut + ": not a valid .npz (zip) file, or truncated"), m);
    }

    @Test
    void corruptEntryDataIsRejectedByItsCrc() throws IOException {
        Path file = dir.resolve("m.npz");
        Npz.write(file, Map.of("w", NdArray.of(new int[] {4}, new double[] {1, 2, 3, 4})));
        byte[] all = Files.readAllBytes(file);
        byte[] header = Npy.header(DType.FLOAT64, new int[] {4});
        int at = indexOf(all, header) + header.length + 3; // inside the data of the stored entry
        all[at] ^= 0x55;
        Files.write(file, all);
        String m = assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage();
        assertTrue(m.contains(file + " entry 'w.npy': corrupt"), m);
    }

    @Test
    void entryWhoseNpyIsTruncatedIsRejected() throws IOException {
        Path file = dir.resolve("t.npz");
        byte[] npy = new byte[0];
        try (var out = new java.io.ByteArrayOutputStream()) {
            Npy.write(out, NdArray.vector(new float[] {1, 2, 3}));
            npy = Arrays.copyOf(out.toByteArray(), out.size() - 2);
        }
        writeZip(file, "x.npy", npy);
        String m = assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage();
        assertTrue(m.contains(file + " entry 'x.npy': truncated: shape (3,) of <f4 needs 12 data bytes"), m);
    }

    @Test
    void nonNpyEntriesAndBadNamesAreRefused() throws IOException {
        Path file = dir.resolve("x.npz");
        writeZip(file, "readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        assertTrue(assertThrows(NpyFormatException.class, () -> Npz.read(file)).getMessage()
                .contains("entry 'readme.txt': not a .npy array"));
        for (String bad : List.of("", "/abs", "a/../b", "..", "a\\b", "dir/")) {
            assertThrows(IllegalArgumentException.class,
                    () -> Npz.write(dir.resolve("y.npz"), Map.of(bad, NdArray.scalar(1))), bad);
        }
        assertTrue(Files.notExists(dir.resolve("y.npz")));
    }

    private static void writeZip(Path file, String name, byte[] content) throws IOException {
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content);
            zip.closeEntry();
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
