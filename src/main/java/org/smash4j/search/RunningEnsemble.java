package org.smash4j.search;

import org.smash4j.data.ImageDataset;
import org.smash4j.run.AtomicFiles;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The original's running "ensemble": every scored architecture's validation log-probabilities summed, persisted
 * after each addition (when given a file) so that a resumed search continues it.
 */
final class RunningEnsemble {
    private final ImageDataset validation;
    private final Path file;
    private final float[] sums;
    private long lastIndex = -1;
    private int count;

    /** @param file where the sums are kept (read if it exists), or null to keep them in memory only */
    RunningEnsemble(ImageDataset validation, Path file) throws IOException {
        this.validation = validation;
        this.file = file;
        this.sums = new float[validation.size() * validation.classCount()];
        if (file != null && Files.exists(file)) {
            read();
        }
    }

    /** Index of the last architecture added (-1: none). */
    long lastIndex() {
        return lastIndex;
    }

    void add(float[] logProbs, long index) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += logProbs[i];
        }
        count++;
        lastIndex = index;
        if (file == null) {
            return;
        }
        try {
            AtomicFiles.write(file, out -> {
                DataOutputStream d = new DataOutputStream(out);
                d.writeLong(lastIndex);
                d.writeInt(count);
                d.writeInt(sums.length);
                for (float f : sums) {
                    d.writeFloat(f);
                }
                d.flush();
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save the running ensemble to " + file, e);
        }
    }

    private void read() throws IOException {
        try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file))) {
            DataInputStream d = new DataInputStream(in);
            lastIndex = d.readLong();
            count = d.readInt();
            int n = d.readInt();
            if (n != sums.length) {
                throw new IOException(file + " holds " + n + " values, not " + sums.length
                        + "; it belongs to another validation set");
            }
            for (int i = 0; i < n; i++) {
                sums[i] = d.readFloat();
            }
        }
    }

    /** Error of the ensemble of every architecture added so far (NaN before the first). */
    double error() {
        if (count == 0) {
            return Double.NaN;
        }
        int classes = validation.classCount();
        long wrong = 0;
        for (int i = 0; i < validation.size(); i++) {
            int best = 0;
            for (int j = 1; j < classes; j++) {
                if (sums[i * classes + j] > sums[i * classes + best]) {
                    best = j;
                }
            }
            wrong += best != validation.label(i) ? 1 : 0;
        }
        return (double) wrong / validation.size();
    }
}
