package org.smash4j.train;

import org.smash4j.run.AtomicFiles;
import org.smash4j.run.Json;

import com.fasterxml.jackson.core.type.TypeReference;
import org.smash4j.nn.Parameters;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * One file holding everything needed to continue a run exactly: a JSON header (position in the schedule,
 * annealing state, running metric sums), the network's tensors and the optimiser state, each block followed by its
 * CRC-32C, which is checked before anything is loaded. Random state needs no saving: every draw comes from streams
 * derived from (seed, purpose, step). Written atomically; the previous checkpoint is kept beside it
 * ({@link #previous}), so a damaged latest one falls back to it.
 */
public final class Checkpoint {
    /** Version 2 has a checksum per block; version 1 (older runs, no checksums) is still read. */
    private static final byte[] MAGIC = "SMASHCK2".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_V1 = "SMASHCK1".getBytes(StandardCharsets.US_ASCII);

    private Checkpoint() {
    }

    /** Where the checkpoint before {@code file} is kept. */
    public static Path previous(Path file) {
        return file.resolveSibling(file.getFileName().toString().replace(".bin", "") + ".previous.bin");
    }

    /** Writes the checkpoint; the one it replaces becomes {@link #previous}. */
    public static void write(Path file, Map<String, Object> header, Parameters params, Optimizer optimizer)
            throws IOException {
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        params.write(weights);
        ByteArrayOutputStream opt = new ByteArrayOutputStream();
        optimizer.write(opt);
        byte[] head = Json.LINE.writeValueAsBytes(header);
        if (Files.exists(file)) {
            // A kill between this move and the next leaves only the previous checkpoint, which is then loaded.
            Files.move(file, previous(file), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.write(MAGIC);
            d.writeInt(head.length);
            d.write(head);
            d.writeLong(crc(head));
            writeBlock(d, weights.toByteArray());
            writeBlock(d, opt.toByteArray());
            d.flush();
        });
    }

    /**
     * The checkpoint to continue from: {@code file} when it is whole, else the previous one when that is (the
     * reason goes to {@code note}); null when there is none. Both damaged is an error naming both reasons.
     */
    public static Path usable(Path file, java.util.function.Consumer<String> note) throws IOException {
        Path prev = previous(file);
        if (!Files.exists(file)) {
            if (Files.exists(prev)) {
                verify(prev);
                note.accept(file + " is missing (a kill while it was replaced); continuing from " + prev);
                return prev;
            }
            return null;
        }
        try {
            verify(file);
            return file;
        } catch (IOException e) {
            if (!Files.exists(prev)) {
                throw new IOException(e.getMessage() + "; there is no previous checkpoint to fall back to", e);
            }
            try {
                verify(prev);
            } catch (IOException p) {
                throw new IOException(e.getMessage() + "; the previous checkpoint is damaged too: " + p.getMessage(), e);
            }
            note.accept(e.getMessage() + "; continuing from the previous checkpoint " + prev);
            return prev;
        }
    }

    /** Checks that {@code file} is a whole checkpoint whose checksums match, without loading it. */
    public static void verify(Path file) throws IOException {
        readBlocks(file);
    }

    /** Restores the tensors and optimiser state in place and returns the header; nothing is loaded unless the file is whole. */
    public static Map<String, Object> read(Path file, Parameters params, Optimizer optimizer) throws IOException {
        Blocks b = readBlocks(file);
        params.read(new ByteArrayInputStream(b.weights()));
        if (optimizer != null) {
            optimizer.read(new ByteArrayInputStream(b.optimizer()));
        }
        return b.header();
    }

    /** Restores only the network tensors (e.g. to evaluate a finished run). */
    public static Map<String, Object> readWeights(Path file, Parameters params) throws IOException {
        return read(file, params, null);
    }

    /** Reads only the header (checked). */
    public static Map<String, Object> header(Path file) throws IOException {
        return readBlocks(file).header();
    }

    private record Blocks(Map<String, Object> header, byte[] weights, byte[] optimizer) {
    }

    private static Blocks readBlocks(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream d = new DataInputStream(in);
            byte[] magic = new byte[MAGIC.length];
            d.readFully(magic);
            boolean checked = Arrays.equals(magic, MAGIC);
            if (!checked && !Arrays.equals(magic, MAGIC_V1)) {
                throw new IOException(file + " is not a smash4j checkpoint (its first bytes are not SMASHCK2)");
            }
            int headLength = d.readInt();
            if (headLength < 2 || headLength > 1 << 24) {
                throw new IOException(file + ": damaged checkpoint (header length " + headLength + ")");
            }
            byte[] head = new byte[headLength];
            d.readFully(head);
            check(checked, d, head, file, "header");
            byte[] weights = block(d, file);
            check(checked, d, weights, file, "weights");
            byte[] opt = block(d, file);
            check(checked, d, opt, file, "optimizer state");
            if (in.read() != -1) {
                throw new IOException(file + ": damaged checkpoint (bytes after the last block)");
            }
            Map<String, Object> header;
            try {
                header = Json.LINE.readValue(head, new TypeReference<Map<String, Object>>() { });
            } catch (IOException e) {
                throw new IOException(file + ": damaged checkpoint (header is not JSON)", e);
            }
            return new Blocks(header, weights, opt);
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }

    private static void check(boolean checked, DataInputStream d, byte[] block, Path file, String what)
            throws IOException {
        if (checked && d.readLong() != crc(block)) {
            throw new IOException(file + ": damaged checkpoint (the " + what + " checksum does not match)");
        }
    }

    private static void writeBlock(DataOutputStream d, byte[] b) throws IOException {
        d.writeLong(b.length);
        d.write(b);
        d.writeLong(crc(b));
    }

    private static long crc(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return c.getValue();
    }

    private static byte[] block(DataInputStream d, Path file) throws IOException {
        long n = d.readLong();
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": damaged checkpoint (block length " + n + ")");
        }
        byte[] b = new byte[(int) n];
        d.readFully(b);
        return b;
    }
}
