package org.smash4j.util;

import java.io.PrintStream;
import java.util.Locale;

/** A one-line progress bar with rate and ETA, redrawn in place on a terminal. */
public final class Progress {
    private final PrintStream out;
    private final String label;
    private final long total;
    private final long start = System.nanoTime();
    private long lastDraw;

    public Progress(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = total;
    }

    /** Redraws at most 4 times a second; {@code extra} is appended (e.g. "loss 0.53"). */
    public void update(long done, String extra) {
        long now = System.nanoTime();
        if (now - lastDraw < 250_000_000L && done < total) {
            return;
        }
        lastDraw = now;
        double elapsed = (now - start) / 1e9;
        double rate = done / Math.max(elapsed, 1e-9);
        double eta = (total - done) / Math.max(rate, 1e-9);
        int width = 24;
        int filled = (int) (width * done / Math.max(total, 1));
        String bar = "#".repeat(filled) + "-".repeat(width - filled);
        out.printf(Locale.ROOT, "\r%s [%s] %d/%d  %.2f/s  elapsed %s  ETA %s%s   ", label, bar, done, total, rate,
                duration(elapsed), duration(eta), extra == null ? "" : "  " + extra);
        out.flush();
    }

    public void update(long done) {
        update(done, null);
    }

    /** Ends the line. */
    public void done() {
        out.println();
    }

    /** 75 -> "1m15s", 4000 -> "1h06m". */
    public static String duration(double seconds) {
        if (!Double.isFinite(seconds)) {
            return "?";
        }
        long s = Math.round(seconds);
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
