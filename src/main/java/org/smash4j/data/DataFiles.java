package org.smash4j.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** File helpers shared by the loaders, each turning an I/O problem into a {@link DataFormatException}. */
final class DataFiles {
    private static final int BUFFER = 1 << 16;

    private DataFiles() {
    }

    /** Fails with "file not found" unless {@code file} is a readable regular file. */
    static void requireFile(Path file, String what) throws DataFormatException {
        if (!Files.exists(file)) {
            throw new DataFormatException(file, "file not found (expected " + what + ")");
        }
        if (!Files.isRegularFile(file)) {
            throw new DataFormatException(file, "is not a regular file (expected " + what + ")");
        }
        if (!Files.isReadable(file)) {
            throw new DataFormatException(file, "is not readable (expected " + what + ")");
        }
    }

    static long size(Path file) throws DataFormatException {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot read the file size: " + e.getMessage(), e);
        }
    }

    static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(2);
            return magic.length == 2 && (magic[0] & 0xFF) == 0x1f && (magic[1] & 0xFF) == 0x8b;
        }
    }

    /** A buffered stream of the file's content, decompressed when it starts with the gzip magic 1f 8b. */
    static InputStream open(Path file, boolean gzip) throws IOException {
        InputStream raw = Files.newInputStream(file);
        return gzip ? new BufferedInputStream(new GZIPInputStream(raw, BUFFER), BUFFER)
                : new BufferedInputStream(raw, BUFFER);
    }

    /** The non-blank lines of a class-name file, trimmed; exactly {@code expected} of them. */
    static List<String> classNames(Path file, int expected) throws DataFormatException {
        requireFile(file, "a list of " + expected + " class names, one per line");
        List<String> names;
        try {
            names = Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be read as UTF-8 text: " + e.getMessage(), e);
        }
        if (names.size() != expected) {
            throw new DataFormatException(file, "holds " + names.size() + " class names, expected " + expected);
        }
        return names;
    }

    /** Wraps a failure of a gzip stream (ends early or is corrupt) with the file's name. */
    static DataFormatException gzipProblem(Path file, IOException e) {
        String kind = e instanceof EOFException ? "truncated file (the gzip stream ends early)"
                : "corrupt gzip stream";
        return new DataFormatException(file, kind + ": " + e.getMessage(), e);
    }
}
