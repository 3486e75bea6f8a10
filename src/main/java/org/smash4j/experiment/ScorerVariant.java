package org.smash4j.experiment;

import org.smash4j.train.SpecDefaults;
import org.smash4j.search.SmashScorer;

import java.util.Locale;

/**
 * A named way of computing the SMASH score: {@code original} (one noise draw, BN running statistics from training),
 * {@code draws:K} (mean over K noise draws) or {@code recal:B} (BN statistics re-estimated for each architecture on
 * B training batches), and combinations such as {@code draws:3+recal:5}. A {@code constc} part makes it the
 * constant-c baseline: the HyperNet is fed an encoding with no marks (every value -1), so the score can only
 * reflect what the architecture's structure does with weights that ignore c (e.g. {@code constc+recal:5}).
 * {@code bn:batch} and {@code bn:running} choose each batch's own BN statistics or the running ones; without either,
 * the one-shot network's evaluator chooses (weight sharing: per batch, as Bender et al.; HyperNet: running). A
 * weight-sharing network reads no encoding and no noise, so {@code constc} and {@code draws:K} change nothing there.
 */
public record ScorerVariant(String name, SmashScorer.Settings settings, boolean constantEncoding) {
    public static final int BATCH = SpecDefaults.EVAL_BATCH;

    /** Parses a variant name (see the class comment). */
    public static ScorerVariant parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        int draws = 1;
        int recal = 0;
        boolean constant = false;
        Boolean batchStatistics = null;
        if (!n.equals("original")) {
            for (String part : n.split("\\+")) {
                if (part.equals("constc")) {
                    constant = true;
                    continue;
                }
                if (part.equals("bn:batch") || part.equals("bn:running")) {
                    batchStatistics = part.equals("bn:batch");
                    continue;
                }
                String[] kv = part.split(":");
                int v;
                try {
                    v = kv.length == 2 ? Integer.parseInt(kv[1]) : -1;
                } catch (NumberFormatException e) {
                    v = -1;
                }
                if (v < 1 || !(kv[0].equals("draws") || kv[0].equals("recal"))) {
                    throw new IllegalArgumentException("unknown scorer '" + name + "'; use original, draws:K, recal:B,"
                            + " constc, bn:batch, bn:running or combinations such as draws:K+recal:B, with K, B >= 1");
                }
                if (kv[0].equals("draws")) {
                    draws = v;
                } else {
                    recal = v;
                }
            }
        }
        return new ScorerVariant(n, new SmashScorer.Settings(draws, recal, BATCH, batchStatistics), constant);
    }
}
