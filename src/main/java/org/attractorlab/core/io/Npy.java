package org.attractorlab.core.io;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * NumPy .npy files (format 1.0 written; 1.0, 2.0 and 3.0 read).
 *
 * <p>Layout: the magic string {@code \x93NUMPY}, the version bytes {@code 1 0}, the header length as a
 * little-endian uint16, then the header: the ASCII text of a Python dict such as
 * {@code {'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }}, padded with spaces and ended by
 * {@code '\n'} so that magic + version + length + header is a multiple of 64 bytes. The data follows in C order.
 * Written arrays are little-endian {@code <f4 <f8 <i4 <i8}; the reader also takes the big-endian forms and
 * Fortran-order arrays (which it reorders to C order). Anything else is refused with an
 * {@link NpyFormatException} naming the file and the problem, never a partial array.
 */
public final class Npy {

    static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int ALIGN = 64;
    private static final int CHUNK = 1 << 16;
    private static final int MAX_HEADER = 1 << 20;
    private static final int INITIAL_CAPACITY = 1 << 20;

    private Npy() {
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** The complete version 1.0 header (magic to final newline) for an array of this type and shape. */
    public static byte[] header(DType dtype, int[] shape) {
        NdArray.checkShape(shape);
        String dict = "{'descr': '" + dtype.descr() + "', 'fortran_order': False, 'shape': "
                + NdArray.shapeString(shape) + ", }";
        int unpadded = MAGIC.length + 2 + 2 + dict.length() + 1;
        String text = dict + " ".repeat((ALIGN - unpadded % ALIGN) % ALIGN) + "\n";
        ByteBuffer b = ByteBuffer.allocate(MAGIC.length + 4 + text.length()).order(ByteOrder.LITTLE_ENDIAN);
        b.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) text.length());
        b.put(text.getBytes(StandardCharsets.US_ASCII));
        return b.array();
    }

    /** Number of bytes of the .npy form of {@code array}. */
    public static long byteSize(NdArray array) {
        return header(array.dtype(), array.shape()).length + (long) array.size() * array.dtype().itemSize();
    }

    /** Writes {@code array} as .npy to {@code out} (not closed). */
    public static void write(OutputStream out, NdArray array) throws IOException {
        out.write(header(array.dtype(), array.shape()));
        int n = array.size();
        int item = array.dtype().itemSize();
        int perChunk = CHUNK / item;
        ByteBuffer buf = ByteBuffer.allocate(CHUNK).order(ByteOrder.LITTLE_ENDIAN);
        Object data = array.rawData();
        for (int i = 0; i < n; i += perChunk) {
            int m = Math.min(perChunk, n - i);
            buf.clear();
            switch (array.dtype()) {
                case FLOAT32 -> buf.asFloatBuffer().put((float[]) data, i, m);
                case FLOAT64 -> buf.asDoubleBuffer().put((double[]) data, i, m);
                case INT32 -> buf.asIntBuffer().put((int[]) data, i, m);
                case INT64 -> buf.asLongBuffer().put((long[]) data, i, m);
            }
            out.write(buf.array(), 0, m * item);
        }
    }

    /** Writes {@code array} to {@code file} atomically (see {@link AtomicFiles}). */
    public static void write(Path file, NdArray array) throws IOException {
        AtomicFiles.writeNpy(file, array);
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** Reads an .npy file. */
    public static NdArray read(Path file) throws IOException {
        BoundedFiles.checkRegular(file, "an .npy array"); // a FIFO would block, a device never end
        long length = Files.size(file);
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), CHUNK)) {
            return read(in, file.toString(), length);
        }
    }

    /**
     * Reads one .npy array from a stream that holds exactly that array (it is read to its end, not closed).
     *
     * @param source names the stream in error messages, e.g. a file name
     */
    public static NdArray read(InputStream in, String source) throws IOException {
        return read(in, source, -1);
    }

    /**
     * Reads one array; {@code length} is the stream's total byte count when known (then a truncated or oversized
     * stream is refused before any allocation), else -1.
     */
    static NdArray read(InputStream in, String source, long length) throws IOException {
        Header h = readHeader(in, source, length);
        long needed = (long) h.size * h.dtype.itemSize();
        if (length >= 0) {
            long available = length - h.headerBytes;
            if (available < needed) {
                throw truncated(source, h, needed, available);
            }
            if (available > needed) {
                throw new NpyFormatException(source + ": " + (available - needed) + " unexpected bytes after the "
                        + needed + " data bytes of shape " + NdArray.shapeString(h.shape) + " " + h.descr);
            }
        }
        Object data = readData(in, h, source, needed, length >= 0);
        if (length < 0 && in.read() != -1) {
            throw new NpyFormatException(source + ": unexpected bytes after the " + needed + " data bytes of shape "
                    + NdArray.shapeString(h.shape) + " " + h.descr);
        }
        if (h.fortranOrder && h.shape.length > 1) {
            data = fortranToC(data, h.dtype, h.shape);
        }
        return NdArray.wrap(h.dtype, h.shape, data);
    }

    private record Header(DType dtype, ByteOrder order, String descr, boolean fortranOrder, int[] shape, int size,
                          long headerBytes) {
    }

    private static Header readHeader(InputStream in, String source, long length) throws IOException {
        byte[] start = in.readNBytes(MAGIC.length + 2);
        int common = 0;
        while (common < Math.min(start.length, MAGIC.length) && start[common] == MAGIC[common]) {
            common++;
        }
        if (start.length == 0) {
            throw new NpyFormatException(source + ": the file is empty, not an .npy array");
        }
        if (common < Math.min(start.length, MAGIC.length)) {
            throw new NpyFormatException(source + ": not an .npy file: it does not start with \\x93NUMPY");
        }
        if (start.length < MAGIC.length + 2) {
            throw new NpyFormatException(source + ": truncated: the file ends inside the .npy header");
        }
        int major = start[6] & 0xff;
        int minor = start[7] & 0xff;
        int lengthBytes = switch (major) {
            case 1 -> 2;
            case 2, 3 -> 4;
            default -> throw new NpyFormatException(source + ": unsupported .npy format version " + major + "."
                    + minor + "; supported: 1.0, 2.0, 3.0");
        };
        byte[] lb = in.readNBytes(lengthBytes);
        if (lb.length < lengthBytes) {
            throw new NpyFormatException(source + ": truncated: the file ends inside the .npy header");
        }
        ByteBuffer lbb = ByteBuffer.wrap(lb).order(ByteOrder.LITTLE_ENDIAN);
        long headerLength = lengthBytes == 2 ? (lbb.getShort() & 0xffff) : (lbb.getInt() & 0xffffffffL);
        if (headerLength > MAX_HEADER) {
            throw new NpyFormatException(source + ": header length " + headerLength
                    + " is implausible; the file is corrupt");
        }
        long headerBytes = MAGIC.length + 2 + lengthBytes + headerLength;
        if (length >= 0 && headerBytes > length) {
            throw new NpyFormatException(source + ": truncated: the header needs " + headerBytes
                    + " bytes but the file has " + length);
        }
        byte[] hb = in.readNBytes((int) headerLength);
        if (hb.length < headerLength) {
            throw new NpyFormatException(source + ": truncated: the file ends inside the .npy header");
        }
        String text = new String(hb, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Map<String, Object> dict = new HeaderParser(text, source).parse();
        if (!dict.keySet().equals(Set.of("descr", "fortran_order", "shape"))) {
            throw new NpyFormatException(source + ": the header must have the keys 'descr', 'fortran_order' and "
                    + "'shape', but has " + dict.keySet() + ": " + text.strip());
        }
        if (!(dict.get("descr") instanceof String descr)) {
            throw new NpyFormatException(source + ": 'descr' is not a string in the header " + text.strip());
        }
        if (!(dict.get("fortran_order") instanceof Boolean fortran)) {
            throw new NpyFormatException(source + ": 'fortran_order' is not True or False in the header "
                    + text.strip());
        }
        if (!(dict.get("shape") instanceof int[] shape)) {
            throw new NpyFormatException(source + ": 'shape' is not a tuple of integers in the header "
                    + text.strip());
        }
        DType dtype = descr.length() == 3 ? DType.ofKind(descr.substring(1)) : null;
        ByteOrder order = null;
        if (dtype != null) {
            order = switch (descr.charAt(0)) {
                case '<' -> ByteOrder.LITTLE_ENDIAN;
                case '>' -> ByteOrder.BIG_ENDIAN;
                case '=' -> ByteOrder.nativeOrder();
                default -> null;
            };
        }
        if (dtype == null || order == null) {
            throw new NpyFormatException(source + ": unsupported dtype '" + descr
                    + "'; supported: <f4, <f8, <i4, <i8 (and their big-endian forms)");
        }
        long size;
        try {
            size = NdArray.checkShape(shape);
        } catch (IllegalArgumentException e) {
            throw new NpyFormatException(source + ": " + e.getMessage(), e);
        }
        long bytes = size * dtype.itemSize();
        if (bytes > memoryLimit()) {
            throw new NpyFormatException(source + ": shape " + NdArray.shapeString(shape) + " of " + descr + " needs "
                    + BoundedFiles.size(bytes) + ", more than an array may take here (" + BoundedFiles.size(memoryLimit())
                    + ", half the memory the JVM may use; ATTRACTOR_LAB_JAVA_OPTS=-Xmx... gives it more)");
        }
        return new Header(dtype, order, descr, fortran, shape, (int) size, headerBytes);
    }

    /**
     * The largest array a file may declare: half the heap the JVM may grow to, so that a header claiming a huge
     * shape (over a sparse file, or an archive that lies about its sizes) gets a message instead of filling the
     * memory.
     */
    static long memoryLimit() {
        return Runtime.getRuntime().maxMemory() / 2;
    }

    private static NpyFormatException truncated(String source, Header h, long needed, long found) {
        return new NpyFormatException(source + ": truncated: shape " + NdArray.shapeString(h.shape) + " of "
                + h.descr + " needs " + needed + " data bytes, but the file has only " + found);
    }

    private static Object readData(InputStream in, Header h, String source, long needed, boolean sizeKnown)
            throws IOException {
        int count = h.size;
        int item = h.dtype.itemSize();
        Object arr = allocate(h.dtype, sizeKnown ? count : Math.min(count, INITIAL_CAPACITY));
        int capacity = java.lang.reflect.Array.getLength(arr);
        byte[] bytes = new byte[CHUNK];
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(h.order);
        int perChunk = CHUNK / item;
        int done = 0;
        while (done < count) {
            int m = Math.min(count - done, perChunk);
            int got = in.readNBytes(bytes, 0, m * item);
            if (got < m * item) {
                throw truncated(source, h, needed, (long) done * item + got);
            }
            if (done + m > capacity) {
                capacity = (int) Math.min(count, Math.max(2L * capacity, done + m));
                arr = grow(arr, capacity);
            }
            buf.clear();
            switch (h.dtype) {
                case FLOAT32 -> buf.asFloatBuffer().get((float[]) arr, done, m);
                case FLOAT64 -> buf.asDoubleBuffer().get((double[]) arr, done, m);
                case INT32 -> buf.asIntBuffer().get((int[]) arr, done, m);
                case INT64 -> buf.asLongBuffer().get((long[]) arr, done, m);
            }
            done += m;
        }
        return capacity == count ? arr : grow(arr, count);
    }

    private static Object allocate(DType dtype, int n) {
        return switch (dtype) {
            case FLOAT32 -> new float[n];
            case FLOAT64 -> new double[n];
            case INT32 -> new int[n];
            case INT64 -> new long[n];
        };
    }

    private static Object grow(Object arr, int n) {
        if (arr instanceof float[] a) {
            return Arrays.copyOf(a, n);
        } else if (arr instanceof double[] a) {
            return Arrays.copyOf(a, n);
        } else if (arr instanceof int[] a) {
            return Arrays.copyOf(a, n);
        }
        return Arrays.copyOf((long[]) arr, n);
    }

    /** Reorders column-major data of the given shape to row-major. */
    private static Object fortranToC(Object src, DType dtype, int[] shape) {
        int n = java.lang.reflect.Array.getLength(src);
        Object dst = allocate(dtype, n);
        int rank = shape.length;
        long[] stride = new long[rank]; // Fortran strides, in elements
        long s = 1;
        for (int k = 0; k < rank; k++) {
            stride[k] = s;
            s *= shape[k];
        }
        int[] index = new int[rank];
        long f = 0;
        for (int c = 0; c < n; c++) {
            java.lang.reflect.Array.set(dst, c, java.lang.reflect.Array.get(src, (int) f));
            for (int k = rank - 1; k >= 0; k--) {
                index[k]++;
                f += stride[k];
                if (index[k] < shape[k]) {
                    break;
                }
                f -= stride[k] * shape[k];
                index[k] = 0;
            }
        }
        return dst;
    }

    /** The Python literal subset used by .npy headers: a dict of strings, True/False and integer tuples. */
    private static final class HeaderParser {
        private final String text;
        private final String source;
        private int pos;

        HeaderParser(String text, String source) {
            this.text = text;
            this.source = source;
        }

        Map<String, Object> parse() throws NpyFormatException {
            Map<String, Object> dict = new LinkedHashMap<>();
            skipSpace();
            expect('{');
            while (true) {
                skipSpace();
                if (peek() == '}') {
                    pos++;
                    break;
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                if (dict.put(key, value()) != null) {
                    throw fail("duplicate key '" + key + "'");
                }
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == '}') {
                    pos++;
                    break;
                } else {
                    throw fail("expected ',' or '}'");
                }
            }
            skipSpace();
            if (pos != text.length()) {
                throw fail("unexpected text after the dictionary");
            }
            return dict;
        }

        private Object value() throws NpyFormatException {
            char c = peek();
            if (c == '\'' || c == '"') {
                return string();
            } else if (text.startsWith("True", pos)) {
                pos += 4;
                return Boolean.TRUE;
            } else if (text.startsWith("False", pos)) {
                pos += 5;
                return Boolean.FALSE;
            } else if (c == '(') {
                return tuple();
            }
            throw fail("expected a string, True, False or a tuple");
        }

        private int[] tuple() throws NpyFormatException {
            expect('(');
            List<Integer> dims = new ArrayList<>();
            while (true) {
                skipSpace();
                if (peek() == ')') {
                    pos++;
                    break;
                }
                int start = pos;
                while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                    pos++;
                }
                if (start == pos) {
                    throw fail("expected a non-negative integer in the shape");
                }
                String digits = text.substring(start, pos);
                if (peek() == 'L') {
                    pos++;
                }
                if (digits.length() > 10 || Long.parseLong(digits) > Integer.MAX_VALUE) {
                    throw fail("dimension " + digits + " is larger than a Java array can hold");
                }
                dims.add(Integer.parseInt(digits));
                skipSpace();
                if (peek() == ',') {
                    pos++;
                } else if (peek() == ')') {
                    pos++;
                    break;
                } else {
                    throw fail("expected ',' or ')' in the shape");
                }
            }
            return dims.stream().mapToInt(Integer::intValue).toArray();
        }

        private String string() throws NpyFormatException {
            char quote = peek();
            if (quote != '\'' && quote != '"') {
                throw fail("expected a quoted string");
            }
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw fail("unterminated string");
            }
            String s = text.substring(pos + 1, end);
            pos = end + 1;
            return s;
        }

        private char peek() {
            return pos < text.length() ? text.charAt(pos) : '\0';
        }

        private void expect(char c) throws NpyFormatException {
            if (peek() != c) {
                throw fail("expected '" + c + "'");
            }
            pos++;
        }

        private void skipSpace() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        private NpyFormatException fail(String what) {
            return new NpyFormatException(source + ": malformed .npy header: " + what + " at position " + pos
                    + " of " + text.strip());
        }
    }
}
