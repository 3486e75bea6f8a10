package org.smash4j.data;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads the regular-file entries of a ustar (POSIX or GNU) tar archive one after the other: 512-byte headers
 * with octal sizes and a checksum, each entry's content padded to 512 bytes, two zero blocks at the end.
 * Long names from pax ({@code x}) or GNU ({@code L}) extension entries are applied; directories, links and
 * global pax headers are passed over. A header with a wrong checksum or no ustar magic is refused.
 */
final class TarReader implements Closeable {
    private static final int BLOCK = 512;

    /** A regular file in the archive; {@code headerOffset} locates it in error messages. */
    record Entry(String name, long size, long headerOffset) {
    }

    private final Path file;
    private final InputStream in;
    private long position;
    private long unread; // content + padding of the current entry not yet consumed
    private Entry current;

    TarReader(Path file) throws IOException {
        DataFiles.requireFile(file, "a tar archive");
        this.file = file;
        this.in = DataFiles.open(file, false);
    }

    /** The next regular file, or null at the end of the archive. */
    Entry next() throws IOException {
        skipRest();
        String longName = null;
        while (true) {
            long at = position;
            byte[] header = in.readNBytes(BLOCK);
            position += header.length;
            if (header.length == 0 && at > 0) {
                return null; // some writers omit the two zero blocks
            }
            if (header.length < BLOCK) {
                throw new DataFormatException(file, "truncated tar: the header at byte " + at + " has only "
                        + header.length + " of 512 bytes");
            }
            if (isZero(header)) {
                return null;
            }
            checkHeader(header, at);
            long size = octal(header, 124, 12, at, "size");
            char type = (char) header[156];
            boolean gnu = header[262] == ' ';
            String name = longName != null ? longName : headerName(header, gnu);
            longName = null;
            long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
            if (type == 'x' || type == 'L') {
                byte[] content = readContent(size, padded, at, name);
                longName = type == 'L' ? cString(content, 0, content.length) : paxPath(content);
            } else if (type == '0' || type == '\0' || type == '7') {
                current = new Entry(name, size, at);
                unread = padded;
                return current;
            } else {
                skip(padded, name);
            }
        }
    }

    /** The whole content of the entry {@link #next} returned; refuses entries over {@code maxBytes}. */
    byte[] content(int maxBytes) throws IOException {
        if (current == null || unread < current.size()) {
            throw new IllegalStateException("no current entry, or its content was already read");
        }
        if (current.size() > maxBytes) {
            throw new DataFormatException(file, "entry " + current.name() + " holds " + current.size()
                    + " bytes, more than the " + maxBytes + " expected");
        }
        long padded = unread;
        unread = 0;
        return readContent(current.size(), padded, current.headerOffset(), current.name());
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private byte[] readContent(long size, long padded, long at, String name) throws IOException {
        if (size > Integer.MAX_VALUE - 8) {
            throw new DataFormatException(file, "entry " + name + " at byte " + at + " is too large (" + size
                    + " bytes)");
        }
        byte[] content = in.readNBytes((int) size);
        position += content.length;
        if (content.length < size) {
            throw truncated(name, size, content.length);
        }
        skip(padded - size, name);
        return content;
    }

    private void skipRest() throws IOException {
        if (unread > 0) {
            skip(unread, current.name());
            unread = 0;
        }
    }

    // Reads through rather than seeking, so that a short file is noticed however the stream skips.
    private void skip(long n, String name) throws IOException {
        byte[] scratch = new byte[(int) Math.min(n, 1 << 16)];
        long done = 0;
        while (done < n) {
            int k = in.readNBytes(scratch, 0, (int) Math.min(scratch.length, n - done));
            if (k == 0) {
                throw truncated(name, n, done);
            }
            done += k;
        }
        position += n;
    }

    private DataFormatException truncated(String name, long needed, long got) {
        return new DataFormatException(file, "truncated tar: the file ends inside entry " + name + " (" + got
                + " of " + needed + " bytes present)");
    }

    private void checkHeader(byte[] h, long at) throws DataFormatException {
        String magic = new String(h, 257, 5, StandardCharsets.US_ASCII);
        if (!magic.equals("ustar")) {
            throw new DataFormatException(file, "bad tar header at byte " + at + ": no ustar magic (not a tar "
                    + "archive, or corrupt)");
        }
        long stored = octal(h, 148, 8, at, "checksum");
        long sum = 0;
        for (int i = 0; i < BLOCK; i++) {
            sum += i >= 148 && i < 156 ? ' ' : h[i] & 0xFF;
        }
        if (sum != stored) {
            throw new DataFormatException(file, "bad tar header at byte " + at + ": checksum mismatch (stored "
                    + stored + ", computed " + sum + ")");
        }
    }

    private long octal(byte[] h, int offset, int length, long at, String field) throws DataFormatException {
        if ((h[offset] & 0x80) != 0) { // GNU base-256 for sizes of 8 GiB and more
            long v = h[offset] & 0x7F;
            for (int i = 1; i < length; i++) {
                v = v << 8 | (h[offset + i] & 0xFF);
            }
            return v;
        }
        String text = cString(h, offset, length).strip();
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw new DataFormatException(file, "bad tar header at byte " + at + ": " + field + " field '" + text
                    + "' is not an octal number");
        }
    }

    private static String headerName(byte[] h, boolean gnu) {
        String name = cString(h, 0, 100);
        String prefix = gnu ? "" : cString(h, 345, 155);
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    /** The {@code path} record of a pax header ("len path=value\n"), or null. */
    private static String paxPath(byte[] content) {
        for (String record : new String(content, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return null;
    }

    private static String cString(byte[] b, int offset, int length) {
        int end = offset;
        while (end < offset + length && b[end] != 0) {
            end++;
        }
        return new String(b, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean isZero(byte[] b) {
        for (byte x : b) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }
}
