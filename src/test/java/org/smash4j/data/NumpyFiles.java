package org.smash4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes numpy npy/npz, zlib streams and ustar tar archives byte by byte from the format descriptions in
 * data-formats.md, for the loader tests.
 */
final class NumpyFiles {
    private NumpyFiles() {
    }

    /**
     * An npy file as numpy writes it: magic, version, little-endian header length, the dict padded with spaces
     * to {@code align} bytes (64 in newer numpy, 16 in older files) and ended by a newline, then the data.
     */
    static byte[] npy(int major, int align, String descr, String fortran, String shape, byte[] data) {
        String dict = "{'descr': '" + descr + "', 'fortran_order': " + fortran + ", 'shape': " + shape + ", }";
        int lengthBytes = major == 1 ? 2 : 4;
        int prefix = 6 + 2 + lengthBytes;
        int total = prefix + dict.length() + 1;
        int padded = (total + align - 1) / align * align;
        String header = dict + " ".repeat(padded - total) + "\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', (byte) major, 0});
        int len = header.length();
        out.write(len & 0xFF);
        out.write(len >>> 8 & 0xFF);
        if (major > 1) {
            out.write(len >>> 16 & 0xFF);
            out.write(len >>> 24);
        }
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        return out.toByteArray();
    }

    /** A version 1.0 npy with numpy's current 64-byte alignment. */
    static byte[] npy(String descr, String shape, byte[] data) {
        return npy(1, 64, descr, "False", shape, data);
    }

    static byte[] int32s(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    static byte[] int64s(long... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            b.putLong(v);
        }
        return b.array();
    }

    static byte[] float32s(float... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    static byte[] float64s(double... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    /** An npz: each key's npy as {@code key.npy}, stored (np.savez) or deflated (np.savez_compressed). */
    static byte[] npz(Map<String, byte[]> arrays, boolean deflate) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> a : arrays.entrySet()) {
                ZipEntry entry = new ZipEntry(a.getKey() + ".npy");
                if (!deflate) {
                    CRC32 crc = new CRC32();
                    crc.update(a.getValue());
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(a.getValue().length);
                    entry.setCompressedSize(a.getValue().length);
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(a.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A zlib stream (2-byte header, deflate data, Adler-32), as python's zlib.compress writes it. */
    static byte[] zlib(byte[] data) {
        Deflater deflater = new Deflater();
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }

    /**
     * One ustar tar member: a 512-byte header (name, octal mode/uid/gid/size/mtime, checksum, type flag,
     * "ustar\0" "00" magic) then the content padded with zeros to a multiple of 512.
     */
    static byte[] tarEntry(String name, char type, byte[] content) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        put(h, 108, "0001750");
        put(h, 116, "0001750");
        put(h, 124, String.format("%011o", content.length));
        put(h, 136, "14500000000");
        h[156] = (byte) type;
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 265, "user");
        put(h, 297, "group");
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xFF;
        }
        put(h, 148, String.format("%06o", sum)); // six octal digits, then NUL and the space already there
        h[154] = 0;
        byte[] out = Arrays.copyOf(h, 512 + (content.length + 511) / 512 * 512);
        System.arraycopy(content, 0, out, 512, content.length);
        return out;
    }

    /** The end of a tar archive: two zero blocks. */
    static byte[] tarEnd() {
        return new byte[1024];
    }

    private static void put(byte[] h, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, h, offset, b.length);
    }
}
