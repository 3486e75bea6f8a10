package org.smash4j.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipException;

/**
 * Reads IDX files (MNIST, Fashion-MNIST), gzipped or raw: big-endian header 00 00 08 ndims, one uint32 per
 * dimension, then uint8 data row-major. Only unsigned-byte images (3 dims) and labels (1 dim) are needed.
 */
final class IdxFormat {
    static final int IMAGE_MAGIC = 0x00000803;
    static final int LABEL_MAGIC = 0x00000801;
    // Deflate never expands data more than about 1032-fold; a header promising more is corrupt, and checking
    // first avoids allocating gigabytes for a bogus count.
    private static final long MAX_DEFLATE_RATIO = 1032;

    private IdxFormat() {
    }

    /** Pixels of an IDX image file whose images must be height x width. */
    static PixelStore readImages(Path file, int height, int width) throws IOException {
        DataFiles.requireFile(file, "an IDX image file");
        boolean gzip = DataFiles.isGzip(file);
        try (InputStream in = DataFiles.open(file, gzip)) {
            int[] header = readHeader(in, file, IMAGE_MAGIC, 4, "images");
            int count = header[1];
            if (header[2] != height || header[3] != width) {
                throw new DataFormatException(file, "wrong image size: " + header[2] + "x" + header[3]
                        + ", expected " + height + "x" + width);
            }
            long expected = (long) count * height * width;
            checkPlausible(file, gzip, 16, expected, count + " images of " + height + "x" + width);
            PixelStore.Builder builder = new PixelStore.Builder(count, height * width);
            long read = builder.readAll(in);
            if (read < expected) {
                throw new DataFormatException(file, "truncated file: the header announces " + count + " images of "
                        + height + "x" + width + " (" + expected + " bytes), but only " + read + " bytes follow");
            }
            requireEnd(in, file, count + " images");
            return builder.build();
        } catch (EOFException | ZipException e) {
            throw DataFiles.gzipProblem(file, e);
        }
    }

    /** Labels of an IDX label file, as unsigned bytes. */
    static int[] readLabels(Path file) throws IOException {
        DataFiles.requireFile(file, "an IDX label file");
        boolean gzip = DataFiles.isGzip(file);
        try (InputStream in = DataFiles.open(file, gzip)) {
            int[] header = readHeader(in, file, LABEL_MAGIC, 2, "labels");
            int count = header[1];
            checkPlausible(file, gzip, 8, count, count + " labels");
            byte[] bytes = in.readNBytes(count);
            if (bytes.length < count) {
                throw new DataFormatException(file, "truncated file: the header announces " + count
                        + " labels, but only " + bytes.length + " bytes follow");
            }
            requireEnd(in, file, count + " labels");
            int[] labels = new int[count];
            for (int i = 0; i < count; i++) {
                labels[i] = bytes[i] & 0xFF;
            }
            return labels;
        } catch (EOFException | ZipException e) {
            throw DataFiles.gzipProblem(file, e);
        }
    }

    /** Returns {magic, size0, size1, ...} after checking the magic number and that no size is negative. */
    private static int[] readHeader(InputStream in, Path file, int magic, int words, String kind)
            throws IOException {
        byte[] bytes = in.readNBytes(4 * words);
        if (bytes.length >= 4) {
            int found = readInt(bytes, 0);
            if (found != magic) {
                throw new DataFormatException(file, String.format(
                        "wrong magic number 0x%08x, expected 0x%08x (IDX unsigned-byte %s, %d dimension%s)",
                        found, magic, kind, words - 1, words == 2 ? "" : "s"));
            }
        }
        if (bytes.length < 4 * words) {
            throw new DataFormatException(file, "truncated file: the IDX header needs " + 4 * words
                    + " bytes, found only " + bytes.length);
        }
        int[] header = new int[words];
        for (int k = 0; k < words; k++) {
            header[k] = readInt(bytes, 4 * k);
            if (k > 0 && header[k] < 0) {
                throw new DataFormatException(file, "header size " + k + " is " + Integer.toUnsignedString(header[k])
                        + ", too large to be real");
            }
        }
        return header;
    }

    private static void checkPlausible(Path file, boolean gzip, int headerBytes, long dataBytes, String what)
            throws DataFormatException {
        long fileSize = DataFiles.size(file);
        long most = gzip ? fileSize * MAX_DEFLATE_RATIO : fileSize - headerBytes;
        if (dataBytes > most) {
            throw new DataFormatException(file, "truncated file: the header announces " + what + " (" + dataBytes
                    + " bytes), more than a " + fileSize + "-byte " + (gzip ? "gzip " : "") + "file can hold");
        }
    }

    private static void requireEnd(InputStream in, Path file, String what) throws IOException {
        if (in.read() != -1) {
            throw new DataFormatException(file, "unexpected data after the " + what
                    + " the header announces (wrong count in the header?)");
        }
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }
}
