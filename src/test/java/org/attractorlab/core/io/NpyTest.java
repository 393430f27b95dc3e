package org.attractorlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyTest {

    @TempDir
    Path dir;

    static final List<int[]> SHAPES = List.of(new int[0], new int[] {0}, new int[] {5}, new int[] {2, 3},
            new int[] {2, 3, 4}, new int[] {0, 3}, new int[] {1, 1, 1, 1});

    /** An array of every dtype for a shape, with values that exercise signs, extremes and non-finite floats. */
    static List<NdArray> arraysOfEveryDtype(int[] shape) {
        int n = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] f = new float[n];
        double[] d = new double[n];
        int[] i = new int[n];
        long[] l = new long[n];
        float[] specialF = {Float.NaN, -0.0f, Float.POSITIVE_INFINITY, Float.MIN_VALUE, -Float.MAX_VALUE};
        double[] specialD = {Double.NaN, -0.0, Double.NEGATIVE_INFINITY, Double.MIN_VALUE, Double.MAX_VALUE};
        for (int k = 0; k < n; k++) {
            f[k] = k < specialF.length && n > 2 ? specialF[k] : k * 0.5f - 3;
            d[k] = k < specialD.length && n > 2 ? specialD[k] : k / 3.0 - 1;
            i[k] = k == 0 ? Integer.MIN_VALUE : k == 1 ? Integer.MAX_VALUE : k * 7 - 20;
            l[k] = k == 0 ? Long.MIN_VALUE : k == 1 ? Long.MAX_VALUE : k * 1_000_000_007L;
        }
        return List.of(NdArray.of(shape, f), NdArray.of(shape, d), NdArray.of(shape, i), NdArray.of(shape, l));
    }

    private static byte[] bytes(NdArray a) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, a);
        return out.toByteArray();
    }

    // ------------------------------------------------------------------------------------------------ header

    @Test
    void aShapeOfMoreThanHalfTheHeapIsRefusedBeforeAnythingIsAllocatedEvenOverASparseFileOfThatSize()
            throws IOException {
        long elements = Npy.memoryLimit() / 8 + 1;
        Path f = dir.resolve("huge.npy");
        byte[] header = Npy.header(DType.FLOAT64, new int[]{(int) elements});
        Files.write(f, header);
        try (java.io.RandomAccessFile raf = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(header.length + 8 * elements); // sparse: the size the header claims, no disk used
        }
        NpyFormatException e = assertThrows(NpyFormatException.class, () -> Npy.read(f));
        assertTrue(e.getMessage().startsWith(f + ": shape (" + elements + ",) of <f8 needs "), e.getMessage());
        assertTrue(e.getMessage().contains("more than an array may take here"), e.getMessage());
    }

    @Test
    void aFifoIsRefusedBeforeItIsOpened() throws Exception {
        Path fifo = dir.resolve("states.npy");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
        IOException e = assertThrows(IOException.class, () -> Npy.read(fifo)); // would block on open otherwise
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
        assertThrows(IOException.class, () -> Npz.read(fifo));
    }

    @Test
    void headerIsByteExactPerTheNpySpec() {
        String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, 118, 0});
        expected.writeBytes((dict + " ".repeat(58) + "\n").getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(expected.toByteArray(), Npy.header(DType.FLOAT32, new int[] {2, 3}));
    }

    @Test
    void everyHeaderIsAlignedTo64BytesAndEndsWithANewline() {
        for (DType t : DType.values()) {
            for (int[] shape : List.of(new int[0], new int[] {5}, new int[] {123456, 7, 8, 9, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1},
                    new int[] {2, 3, 4})) {
                byte[] h = Npy.header(t, shape);
                assertEquals(0, h.length % 64, t + Arrays.toString(shape));
                int headerLength = (h[8] & 0xff) | (h[9] & 0xff) << 8;
                assertEquals(h.length - 10, headerLength);
                assertEquals('\n', h[h.length - 1]);
                String text = new String(h, 10, h.length - 10, StandardCharsets.US_ASCII);
                String shapeText = NdArray.shapeString(shape);
                assertTrue(text.startsWith("{'descr': '" + t.descr() + "', 'fortran_order': False, 'shape': "
                        + shapeText + ", }"), text);
                assertTrue(text.substring(text.indexOf('}') + 1, text.length() - 1).isBlank());
            }
        }
        assertTrue(new String(Npy.header(DType.INT64, new int[0]), StandardCharsets.US_ASCII)
                .contains("'descr': '<i8', 'fortran_order': False, 'shape': (), }"));
        assertTrue(new String(Npy.header(DType.FLOAT64, new int[] {5}), StandardCharsets.US_ASCII)
                .contains("'shape': (5,), }"));
    }

    @Test
    void dataIsLittleEndianInCOrder() throws IOException {
        byte[] b = bytes(NdArray.of(new int[] {2, 2}, new int[] {1, 2, 3, 256}));
        byte[] data = Arrays.copyOfRange(b, b.length - 16, b.length);
        assertArrayEquals(new byte[] {1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 0, 0, 1, 0, 0}, data);
        byte[] f = bytes(NdArray.scalar(1.0));
        assertArrayEquals(new byte[] {0, 0, 0, 0, 0, 0, (byte) 0xf0, 0x3f}, Arrays.copyOfRange(f, f.length - 8, f.length));
    }

    // -------------------------------------------------------------------------------------------- round trip

    @Test
    void everyDtypeAndShapeRoundTripsThroughAFile() throws IOException {
        for (int[] shape : SHAPES) {
            for (NdArray a : arraysOfEveryDtype(shape)) {
                Path file = dir.resolve("a.npy");
                Npy.write(file, a);
                NdArray back = Npy.read(file);
                assertEquals(a, back, a.toString());
                assertArrayEquals(shape, back.shape());
                assertEquals(Npy.byteSize(a), Files.size(file));
            }
        }
    }

    @Test
    void streamsOfUnknownLengthRoundTripIncludingLargeArrays() throws IOException {
        float[] big = new float[(1 << 20) * 3 / 2 + 17];
        for (int i = 0; i < big.length; i++) {
            big[i] = i * 0.25f;
        }
        NdArray a = NdArray.of(new int[] {big.length}, big);
        assertEquals(a, Npy.read(new ByteArrayInputStream(bytes(a)), "big"));
        NdArray scalar = NdArray.of(new int[0], new long[] {42});
        NdArray back = Npy.read(new ByteArrayInputStream(bytes(scalar)), "scalar");
        assertEquals(0, back.ndim());
        assertArrayEquals(new long[] {42}, back.longs());
    }

    @Test
    void bigEndianAndFortranOrderFilesAreRead() throws IOException {
        // shape (2, 3), values v[i][j] = 10 i + j, stored big-endian float64 in Fortran (column-major) order
        double[] columnMajor = {0, 10, 1, 11, 2, 12};
        ByteBuffer data = ByteBuffer.allocate(48).order(ByteOrder.BIG_ENDIAN);
        for (double v : columnMajor) {
            data.putDouble(v);
        }
        byte[] file = npy("{'descr': '>f8', 'fortran_order': True, 'shape': (2, 3), }", data.array());
        NdArray a = Npy.read(new ByteArrayInputStream(file), "f.npy");
        assertArrayEquals(new double[] {0, 1, 2, 10, 11, 12}, a.doubles());
        assertArrayEquals(new int[] {2, 3}, a.shape());

        int[] shape = {2, 3, 4};
        int[] fortran = new int[24];
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                for (int k = 0; k < 4; k++) {
                    fortran[i + 2 * (j + 3 * k)] = 100 * i + 10 * j + k;
                }
            }
        }
        ByteBuffer ib = ByteBuffer.allocate(96).order(ByteOrder.LITTLE_ENDIAN);
        ib.asIntBuffer().put(fortran);
        NdArray b = Npy.read(new ByteArrayInputStream(npy("{'descr': '<i4', 'fortran_order': True, "
                + "'shape': (2, 3, 4), }", ib.array())), "g.npy");
        int[] c = b.ints();
        for (int n = 0; n < 24; n++) {
            assertEquals(100 * (n / 12) + 10 * (n / 4 % 3) + n % 4, c[n]);
        }
        assertArrayEquals(shape, b.shape());
    }

    /** A version 1.0 .npy with the given header dict (padded as the spec says) and raw data. */
    static byte[] npy(String dict, byte[] data) {
        int pad = (64 - (10 + dict.length() + 1) % 64) % 64;
        String text = dict + " ".repeat(pad) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) text.length(),
                (byte) (text.length() >> 8)});
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(data);
        return out.toByteArray();
    }

    // ---------------------------------------------------------------------------------------------- corrupt

    private String readError(byte[] content) throws IOException {
        Path file = dir.resolve("bad.npy");
        Files.write(file, content);
        String m = assertThrows(NpyFormatException.class, () -> Npy.read(file)).getMessage();
        assertTrue(m.startsWith(file + ": "), m);
        // the stream reader (length unknown) refuses it too
        assertThrows(NpyFormatException.class, () -> Npy.read(new ByteArrayInputStream(content), "s"));
        return m;
    }

    @Test
    void truncatedDataIsRejectedNamingTheFileAndTheMissingBytes() throws IOException {
        byte[] full = bytes(NdArray.of(new int[] {2, 3}, new double[6]));
        String m = readError(Arrays.copyOf(full, full.length - 5));
        assertTrue(m.contains("truncated: shape (2, 3) of <f8 needs 48 data bytes, but the file has only 43"), m);
    }

    @Test
    void truncatedHeaderIsRejected() throws IOException {
        byte[] full = bytes(NdArray.vector(new float[] {1, 2}));
        assertTrue(readError(Arrays.copyOf(full, 40)).contains("truncated"));
        assertTrue(readError(Arrays.copyOf(full, 4)).contains("truncated"));
        assertTrue(readError(new byte[0]).contains("the file is empty"));
    }

    @Test
    void aHugeDeclaredShapeInATinyFileIsRejectedWithoutAllocating() throws IOException {
        byte[] file = npy("{'descr': '<f8', 'fortran_order': False, 'shape': (200000000,), }", new byte[16]);
        assertTrue(readError(file).contains("needs 1600000000 data bytes, but the file has only 16"));
        String tooBig = readError(npy("{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000), }",
                new byte[0]));
        assertTrue(tooBig.contains("more elements than a Java array can hold"), tooBig);
    }

    @Test
    void otherCorruptionsAreNamed() throws IOException {
        assertTrue(readError("PK\3\4 this is a zip".getBytes(StandardCharsets.US_ASCII))
                .contains("not an .npy file: it does not start with \\x93NUMPY"));
        assertTrue(readError(npy("{'descr': '<c16', 'fortran_order': False, 'shape': (1,), }", new byte[16]))
                .contains("unsupported dtype '<c16'; supported: <f4, <f8, <i4, <i8"));
        assertTrue(readError(npy("{'descr': '<f4', 'shape': (1,), }", new byte[4]))
                .contains("must have the keys 'descr', 'fortran_order' and 'shape'"));
        assertTrue(readError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, -2), }", new byte[4]))
                .contains("malformed .npy header: expected a non-negative integer in the shape"));
        assertTrue(readError(npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1,) ", new byte[4]))
                .contains("malformed .npy header"));
        byte[] trailing = bytes(NdArray.vector(new float[] {1}));
        trailing = Arrays.copyOf(trailing, trailing.length + 3);
        assertTrue(readError(trailing).contains("3 unexpected bytes after the 4 data bytes"));
        byte[] version = bytes(NdArray.vector(new float[] {1}));
        version[6] = 9;
        assertTrue(readError(version).contains("unsupported .npy format version 9.0"));
    }

    @Test
    void version2HeadersAreRead() throws IOException {
        byte[] v1 = bytes(NdArray.vector(new int[] {7, 8}));
        ByteArrayOutputStream v2 = new ByteArrayOutputStream();
        v2.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0});
        String text = new String(v1, 10, v1.length - 18, StandardCharsets.US_ASCII);
        text = text.substring(0, text.length() - 3) + "\n"; // two spaces less: 12-byte prefix keeps alignment
        v2.writeBytes(new byte[] {(byte) text.length(), 0, 0, 0});
        v2.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        v2.writeBytes(Arrays.copyOfRange(v1, v1.length - 8, v1.length));
        try (InputStream in = new ByteArrayInputStream(v2.toByteArray())) {
            assertArrayEquals(new int[] {7, 8}, Npy.read(in, "v2").ints());
        }
    }

    @Test
    void ndArrayChecksShapeAgainstData() {
        assertThrows(IllegalArgumentException.class, () -> NdArray.of(new int[] {2, 2}, new float[3]));
        assertThrows(IllegalArgumentException.class, () -> NdArray.of(new int[] {-1}, new float[0]));
        assertThrows(IllegalStateException.class, () -> NdArray.scalar(1).floats());
        float[] data = {1, 2};
        NdArray a = NdArray.vector(data);
        data[0] = 9;
        assertEquals(1, a.floats()[0]);
        assertArrayEquals(new double[] {1, 2}, a.toDoubles());
    }
}
