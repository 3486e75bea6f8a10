package org.smash4j.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads numpy's {@code .npy} format from a byte stream: the magic {@code \x93NUMPY}, a version byte pair,
 * the header length (uint16 little-endian for version 1, uint32 for versions 2 and 3), an ASCII python dict
 * literal {@code {'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }} padded with spaces to an
 * alignment of 16 (old numpy) or 64 (new), and then the raw C-order data. Only the simple dtypes the data
 * sets use are accepted, and only C order; anything else is refused with the file, entry and reason.
 */
public final class NpyFormat {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    /** The element types this reader accepts; all little-endian (or byte-sized). */
    public enum DType {
        UINT8("u1", 1, true),
        INT32("i4", 4, true),
        INT64("i8", 8, true),
        FLOAT32("f4", 4, false),
        FLOAT64("f8", 8, false);

        private final String code;
        private final int size;
        private final boolean integer;

        DType(String code, int size, boolean integer) {
            this.code = code;
            this.size = size;
            this.integer = integer;
        }

        /** Bytes per element. */
        public int size() {
            return size;
        }

        public boolean isInteger() {
            return integer;
        }

        /** numpy's descr for this type, e.g. {@code <f8} ({@code |u1} for bytes). */
        public String descr() {
            return (size == 1 ? "|" : "<") + code;
        }

        /**
         * The type of a numpy descr ('|u1', '<u1', '<i4', '<i8', '<f4', '<f8'; '=' counts as little-endian, as
         * every machine numpy runs on today is), or null when it is not one of them.
         */
        public static DType parse(String descr) {
            if (descr == null || descr.length() != 3) {
                return null;
            }
            char order = descr.charAt(0);
            for (DType t : values()) {
                if (t.code.equals(descr.substring(1))
                        && (order == '<' || order == '=' || (t.size == 1 && order == '|'))) {
                    return t;
                }
            }
            return null;
        }

        static String supported() {
            return "|u1, <u1, <i4, <i8, <f4, <f8";
        }
    }

    /**
     * What an npy header says.
     *
     * @param headerBytes bytes from the start of the file to the first data byte
     */
    public record Header(DType dtype, long[] shape, int headerBytes) {
        public Header {
            shape = shape.clone();
        }

        @Override
        public long[] shape() {
            return shape.clone();
        }

        /** Elements: the product of the shape (1 for a scalar). */
        public long count() {
            long n = 1;
            for (long s : shape) {
                n *= s;
            }
            return n;
        }

        public long dataBytes() {
            return count() * dtype.size();
        }

        /** Like numpy prints it: (2, 3), (5,), (). */
        public String shapeText() {
            return NpyFormat.shapeText(shape);
        }
    }

    private NpyFormat() {
    }

    /** The whole of the .npy file {@code file}. */
    public static NpyArray read(Path file) throws IOException {
        DataFiles.requireFile(file, "a numpy .npy array");
        try (InputStream in = DataFiles.open(file, false)) {
            return read(in, file, "");
        }
    }

    /**
     * Reads one whole array from {@code in} and checks that the stream ends right after it.
     *
     * @param file named in error messages
     * @param where what inside {@code file} the stream is (e.g. "entry labels.npy"), "" for the file itself
     */
    public static NpyArray read(InputStream in, Path file, String where) throws IOException {
        Header header = readHeader(in, file, where);
        long bytes = header.dataBytes();
        if (bytes > Integer.MAX_VALUE - 8) {
            throw fail(file, where, "array of shape " + header.shapeText() + " (" + bytes
                    + " bytes) is too large to read at once; it must be streamed");
        }
        byte[] data = in.readNBytes((int) bytes);
        if (data.length < bytes) {
            throw fail(file, where, "truncated data: shape " + header.shapeText() + " of " + header.dtype().descr()
                    + " needs " + bytes + " bytes after the header, only " + data.length + " present");
        }
        if (in.read() != -1) {
            throw fail(file, where, "shape/size mismatch: the data continues past the " + bytes + " bytes that shape "
                    + header.shapeText() + " of " + header.dtype().descr() + " needs");
        }
        return new NpyArray(header.dtype(), header.shape(), data);
    }

    /** Reads and checks the header, leaving {@code in} at the first data byte. */
    public static Header readHeader(InputStream in, Path file, String where) throws IOException {
        byte[] start = in.readNBytes(10);
        if (start.length < 8) {
            throw fail(file, where, "truncated: " + start.length + " bytes, too short for an NPY header");
        }
        if (!Arrays.equals(Arrays.copyOf(start, 6), MAGIC)) {
            throw fail(file, where, "bad magic: not an NPY array (expected \\x93NUMPY, found "
                    + hex(Arrays.copyOf(start, 6)) + ")");
        }
        int major = start[6] & 0xFF;
        int minor = start[7] & 0xFF;
        if (major < 1 || major > 3) {
            throw fail(file, where, "unsupported NPY version " + major + "." + minor + " (1.x, 2.x and 3.x are read)");
        }
        byte[] lengthBytes = Arrays.copyOfRange(start, 8, start.length);
        int lengthSize = major == 1 ? 2 : 4;
        lengthBytes = concat(lengthBytes, in.readNBytes(lengthSize - lengthBytes.length));
        if (lengthBytes.length < lengthSize) {
            throw fail(file, where, "truncated: the NPY header length field ends early");
        }
        long headerLength = 0;
        for (int i = lengthSize - 1; i >= 0; i--) {
            headerLength = headerLength << 8 | (lengthBytes[i] & 0xFF);
        }
        if (headerLength > 1 << 20) {
            throw fail(file, where, "NPY header length " + headerLength + " is implausibly large");
        }
        byte[] text = in.readNBytes((int) headerLength);
        if (text.length < headerLength) {
            throw fail(file, where, "truncated: the NPY header of " + headerLength + " bytes ends after "
                    + text.length);
        }
        String dict = new String(text, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1).strip();
        Header header = parseDict(dict, file, where);
        return new Header(header.dtype(), header.shape(), 6 + 2 + lengthSize + (int) headerLength);
    }

    private static Header parseDict(String dict, Path file, String where) throws DataFormatException {
        if (!dict.startsWith("{") || !dict.endsWith("}")) {
            throw fail(file, where, "NPY header is not a python dict: " + dict);
        }
        Matcher descr = DESCR.matcher(dict);
        if (!descr.find()) {
            throw fail(file, where, "unsupported dtype: the header has no simple 'descr' string (structured arrays "
                    + "are not read): " + dict);
        }
        DType dtype = DType.parse(descr.group(1));
        if (dtype == null) {
            throw fail(file, where, "unsupported dtype '" + descr.group(1) + "' (supported: " + DType.supported()
                    + ")");
        }
        Matcher fortran = FORTRAN.matcher(dict);
        if (!fortran.find()) {
            throw fail(file, where, "NPY header has no fortran_order True/False: " + dict);
        }
        if (fortran.group(1).equals("True")) {
            throw fail(file, where, "fortran_order True is not supported (save the array in C order, e.g. with "
                    + "np.ascontiguousarray)");
        }
        Matcher shapeMatch = SHAPE.matcher(dict);
        if (!shapeMatch.find()) {
            throw fail(file, where, "NPY header has no shape tuple: " + dict);
        }
        String[] parts = shapeMatch.group(1).split(",");
        long[] shape = new long[parts.length];
        int dims = 0;
        long bytes = dtype.size();
        for (String part : parts) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            if (p.endsWith("L")) {
                p = p.substring(0, p.length() - 1); // python 2 wrote long ints as 3L
            }
            try {
                shape[dims] = Long.parseLong(p);
                if (shape[dims] < 0) {
                    throw new NumberFormatException();
                }
                bytes = Math.multiplyExact(bytes, shape[dims]);
            } catch (NumberFormatException | ArithmeticException e) {
                throw fail(file, where, "bad shape (" + shapeMatch.group(1) + "): '" + part.strip()
                        + "' is not a size, or the array is too large");
            }
            dims++;
        }
        return new Header(dtype, Arrays.copyOf(shape, dims), 0);
    }

    static String shapeText(long[] shape) {
        StringBuilder b = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            b.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return b.append(shape.length == 1 ? ",)" : ")").toString();
    }

    static DataFormatException fail(Path file, String where, String problem) {
        return new DataFormatException(file, where == null || where.isEmpty() ? problem : where + ": " + problem);
    }

    private static String hex(byte[] bytes) {
        StringBuilder b = new StringBuilder();
        for (byte x : bytes) {
            b.append(b.length() == 0 ? "" : " ").append(String.format("%02x", x & 0xFF));
        }
        return b.toString();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
