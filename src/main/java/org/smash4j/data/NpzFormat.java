package org.smash4j.data;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * An open numpy {@code .npz} archive: a zip of {@code <key>.npy} entries, stored ({@code np.savez}) or
 * deflated ({@code np.savez_compressed}), ZIP64 for large arrays, all of which {@link ZipFile} reads. Small
 * arrays are read whole ({@link #read}); large ones are streamed ({@link #stream}) so that a multi-gigabyte
 * image array never has to sit in memory in one piece.
 */
public final class NpzFormat implements Closeable {
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final ZipFile zip;
    private final List<String> keys;

    private NpzFormat(Path file, ZipFile zip, List<String> keys) {
        this.file = file;
        this.zip = zip;
        this.keys = keys;
    }

    /** Opens {@code file}; fails with the file's name if it is missing or not a zip archive. */
    public static NpzFormat open(Path file) throws IOException {
        DataFiles.requireFile(file, "a numpy .npz archive");
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new DataFormatException(file, "bad magic: not an npz file (not a zip archive: " + e.getMessage()
                    + ")", e);
        }
        List<String> keys = new ArrayList<>();
        for (ZipEntry entry : Collections.list(zip.entries())) {
            if (!entry.isDirectory() && entry.getName().endsWith(".npy")) {
                keys.add(entry.getName().substring(0, entry.getName().length() - 4));
            }
        }
        return new NpzFormat(file, zip, List.copyOf(keys));
    }

    public Path file() {
        return file;
    }

    /** The array names, in archive order ({@code data.npy} is key {@code data}). */
    public List<String> keys() {
        return keys;
    }

    public boolean has(String key) {
        return keys.contains(key);
    }

    /** The whole array {@code key}; for small arrays (labels, means). */
    public NpyArray read(String key) throws IOException {
        ZipEntry entry = entry(key);
        String where = "entry " + entry.getName();
        try (InputStream in = open(entry, where)) {
            return NpyFormat.read(in, file, where);
        }
    }

    /** The header of array {@code key}, without reading its data. */
    public NpyFormat.Header header(String key) throws IOException {
        try (Stream s = stream(key)) {
            return s.header();
        }
    }

    /**
     * Array {@code key} as its header and a stream positioned at its first data byte. Checks the entry's size
     * against the header up front, so that a truncated entry is reported before any data is used; reads from
     * the stream throw {@link DataFormatException} naming this file and entry.
     */
    public Stream stream(String key) throws IOException {
        ZipEntry entry = entry(key);
        String where = "entry " + entry.getName();
        InputStream in = open(entry, where);
        try {
            NpyFormat.Header header = NpyFormat.readHeader(in, file, where);
            long expected = header.headerBytes() + header.dataBytes();
            if (entry.getSize() >= 0 && entry.getSize() != expected) {
                String kind = entry.getSize() < expected ? "truncated data" : "shape/size mismatch";
                throw NpyFormat.fail(file, where, kind + ": shape " + header.shapeText() + " of "
                        + header.dtype().descr() + " needs " + header.dataBytes() + " data bytes after a "
                        + header.headerBytes() + "-byte header, but the entry holds "
                        + (entry.getSize() - header.headerBytes()));
            }
            return new Stream(header, in);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** An array's header plus its data as a stream; close it when done. */
    public record Stream(NpyFormat.Header header, InputStream data) implements Closeable {
        @Override
        public void close() throws IOException {
            data.close();
        }
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }

    private ZipEntry entry(String key) throws DataFormatException {
        ZipEntry entry = zip.getEntry(key + ".npy");
        if (entry == null) {
            throw new DataFormatException(file, "no array '" + key + "' (the archive holds: "
                    + (keys.isEmpty() ? "no .npy entries" : String.join(", ", keys)) + ")");
        }
        return entry;
    }

    private InputStream open(ZipEntry entry, String where) throws IOException {
        try {
            return new Checked(new BufferedInputStream(zip.getInputStream(entry), BUFFER), file, where);
        } catch (ZipException e) {
            throw NpyFormat.fail(file, where, "corrupt zip entry: " + e.getMessage());
        }
    }

    /** Turns a failing inflater's ZipException into a DataFormatException that names file and entry. */
    private static final class Checked extends FilterInputStream {
        private final Path file;
        private final String where;

        Checked(InputStream in, Path file, String where) {
            super(in);
            this.file = file;
            this.where = where;
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (ZipException e) {
                throw NpyFormat.fail(file, where, "corrupt compressed data: " + e.getMessage());
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (ZipException e) {
                throw NpyFormat.fail(file, where, "corrupt compressed data: " + e.getMessage());
            }
        }

        @Override
        public long skip(long n) throws IOException {
            try {
                return super.skip(n);
            } catch (ZipException e) {
                throw NpyFormat.fail(file, where, "corrupt compressed data: " + e.getMessage());
            }
        }
    }
}
