package org.smash4j.train;

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
import java.util.Arrays;
import java.util.Map;

/**
 * One file holding everything needed to continue a run exactly: a JSON header (position in the schedule,
 * annealing state, running metric sums), the network's tensors and the optimiser state. Random state needs no
 * saving: every draw comes from streams derived from (seed, purpose, step). Written atomically.
 */
public final class Checkpoint {
    private static final byte[] MAGIC = "SMASHCK1".getBytes(StandardCharsets.US_ASCII);

    private Checkpoint() {
    }

    public static void write(Path file, Map<String, Object> header, Parameters params, Optimizer optimizer)
            throws IOException {
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        params.write(weights);
        ByteArrayOutputStream opt = new ByteArrayOutputStream();
        optimizer.write(opt);
        byte[] head = Json.LINE.writeValueAsBytes(header);
        AtomicFiles.write(file, out -> {
            DataOutputStream d = new DataOutputStream(out);
            d.write(MAGIC);
            d.writeInt(head.length);
            d.write(head);
            d.writeLong(weights.size());
            weights.writeTo(d);
            d.writeLong(opt.size());
            opt.writeTo(d);
            d.flush();
        });
    }

    /** Restores the tensors and optimiser state in place and returns the header. */
    public static Map<String, Object> read(Path file, Parameters params, Optimizer optimizer) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream d = new DataInputStream(in);
            Map<String, Object> header = readHeader(d, file);
            params.read(new ByteArrayInputStream(block(d, file)));
            if (optimizer != null) {
                optimizer.read(new ByteArrayInputStream(block(d, file)));
            }
            return header;
        } catch (java.io.EOFException e) {
            throw new IOException(file + ": checkpoint is truncated", e);
        }
    }

    /** Restores only the network tensors (e.g. to evaluate a finished run). */
    public static Map<String, Object> readWeights(Path file, Parameters params) throws IOException {
        return read(file, params, null);
    }

    /** Reads only the header. */
    public static Map<String, Object> header(Path file) throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            return readHeader(new DataInputStream(in), file);
        }
    }

    private static Map<String, Object> readHeader(DataInputStream d, Path file) throws IOException {
        byte[] magic = new byte[MAGIC.length];
        d.readFully(magic);
        if (!Arrays.equals(magic, MAGIC)) {
            throw new IOException(file + " is not a smash4j checkpoint");
        }
        byte[] head = new byte[d.readInt()];
        d.readFully(head);
        return Json.LINE.readValue(head, new TypeReference<Map<String, Object>>() { });
    }

    private static byte[] block(DataInputStream d, Path file) throws IOException {
        long n = d.readLong();
        if (n < 0 || n > Integer.MAX_VALUE - 16) {
            throw new IOException(file + ": corrupt checkpoint block length " + n);
        }
        byte[] b = new byte[(int) n];
        d.readFully(b);
        return b;
    }
}
