package org.smash4j.data;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * The batches of one pass, in order, optionally prepared ahead on one background thread so that decoding,
 * augmentation and normalisation overlap training. Each batch is a pure function of its index, so the
 * sequence is identical with or without prefetching. Close it when stopping early to release the thread
 * (an exhausted stream releases it by itself).
 */
public final class BatchStream implements Iterator<Batch>, AutoCloseable {
    private final IntFunction<Batch> makeBatch;
    private final int end;
    private final int prefetch;
    private final ArrayDeque<Future<Batch>> ahead = new ArrayDeque<>();
    private final ThreadPoolExecutor worker;
    private int next;
    private int submitted;
    private boolean closed;

    /** Batches {@code start} (inclusive) to {@code end} (exclusive) made by {@code makeBatch}. */
    BatchStream(IntFunction<Batch> makeBatch, int start, int end, int prefetch) {
        if (start < 0 || start > end) {
            throw new IllegalArgumentException("start batch " + start + " is outside 0.." + end);
        }
        this.makeBatch = makeBatch;
        this.end = end;
        this.prefetch = prefetch;
        this.next = start;
        this.submitted = start;
        if (prefetch > 0 && start < end) {
            // Core size 0 with a keep-alive: the thread ends by itself if a caller forgets to close the stream.
            worker = new ThreadPoolExecutor(0, 1, 5, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                Thread t = new Thread(r, "smash4j-batch-prefetch");
                t.setDaemon(true);
                return t;
            });
            topUp();
        } else {
            worker = null;
        }
    }

    /** Batches left in this pass. */
    public int remaining() {
        return closed ? 0 : end - next;
    }

    @Override
    public boolean hasNext() {
        return !closed && next < end;
    }

    @Override
    public Batch next() {
        if (!hasNext()) {
            throw new NoSuchElementException(closed ? "the batch stream was closed" : "no batches left in this pass");
        }
        Batch batch;
        if (worker == null) {
            batch = makeBatch.apply(next);
        } else {
            batch = await(ahead.removeFirst());
        }
        next++;
        if (worker != null) {
            topUp();
            if (next == end) {
                worker.shutdown();
            }
        }
        return batch;
    }

    @Override
    public void close() {
        closed = true;
        if (worker != null) {
            ahead.forEach(f -> f.cancel(true));
            ahead.clear();
            worker.shutdownNow();
        }
    }

    // Keeps the next `prefetch` batches in flight while the caller works on the one it holds.
    private void topUp() {
        while (submitted < end && ahead.size() < prefetch) {
            int index = submitted++;
            ahead.addLast(worker.submit(() -> makeBatch.apply(index)));
        }
    }

    private static Batch await(Future<Batch> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the next batch", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException("preparing a batch failed", cause);
        }
    }
}
