package org.smash4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;

/** Writes small files in the standard data formats, byte by byte from the format descriptions, for loader tests. */
final class SyntheticFiles {
    private SyntheticFiles() {
    }

    /** An IDX header: magic (00 00 08 ndims) then each size, all big-endian. */
    static byte[] idxHeader(int ndims, int... sizes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0);
        out.write(8);
        out.write(ndims);
        for (int s : sizes) {
            writeBigEndian(out, s);
        }
        return out.toByteArray();
    }

    static void writeBigEndian(ByteArrayOutputStream out, int value) {
        out.write(value >>> 24);
        out.write(value >>> 16 & 0xFF);
        out.write(value >>> 8 & 0xFF);
        out.write(value & 0xFF);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** IDX images file content: count 28x28 images, pixel (i, r, c) = (i*7 + r*28 + c) mod 256. */
    static byte[] idxImages(int count) {
        byte[] pixels = new byte[count * 784];
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < 784; p++) {
                pixels[i * 784 + p] = (byte) (i * 7 + p);
            }
        }
        return concat(idxHeader(3, count, 28, 28), pixels);
    }

    static byte[] idxLabels(int... labels) {
        byte[] body = new byte[labels.length];
        for (int i = 0; i < labels.length; i++) {
            body[i] = (byte) labels[i];
        }
        return concat(idxHeader(1, labels.length), body);
    }

    static Path write(Path file, byte[] content) {
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path writeLines(Path file, List<String> lines) {
        return write(file, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static List<String> names(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    /**
     * One CIFAR record: label bytes, then 3 planes of 32x32 where pixel (c, r, col) = (seed + c*50 + r*3 + col)
     * mod 256.
     */
    static byte[] cifarRecord(int seed, int... labelBytes) {
        byte[] record = new byte[labelBytes.length + 3072];
        for (int k = 0; k < labelBytes.length; k++) {
            record[k] = (byte) labelBytes[k];
        }
        for (int c = 0; c < 3; c++) {
            for (int r = 0; r < 32; r++) {
                for (int col = 0; col < 32; col++) {
                    record[labelBytes.length + c * 1024 + r * 32 + col] = (byte) (seed + c * 50 + r * 3 + col);
                }
            }
        }
        return record;
    }

    /** The value {@link #cifarRecord} puts at (c, r, col). */
    static int cifarPixel(int seed, int c, int r, int col) {
        return (seed + c * 50 + r * 3 + col) & 0xFF;
    }
}
