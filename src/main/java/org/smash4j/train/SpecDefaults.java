package org.smash4j.train;

/**
 * The spec's training defaults (spec section 7), written once: every command, experiment, benchmark and test that
 * does not override one takes it from here, and the CLI shows them as its option defaults.
 */
public final class SpecDefaults {
    /** Images per training step, one-shot and stand-alone. */
    public static final int BATCH = 50;
    /** Adam's initial learning rate for one-shot training (cosine per step). */
    public static final double ONE_SHOT_LR = 1e-3;
    /** Nesterov SGD's initial learning rate for stand-alone training (cosine per step). */
    public static final double STANDALONE_LR = 0.1;
    /** Nesterov momentum of stand-alone training. */
    public static final double MOMENTUM = 0.9;
    /** L2 weight decay of stand-alone training (one-shot: {@link Adam.Settings#smash()}). */
    public static final double WEIGHT_DECAY = 1e-4;
    /** Images per evaluation batch (validation and test error, scoring). */
    public static final int EVAL_BATCH = 100;
    /** A training loss above this counts as divergence. */
    public static final double MAX_LOSS = 1e4;
    /** Steps between checkpoints of runs without a preset's plan (experiment candidates). */
    public static final int CHECKPOINT_EVERY = 100;
    /** Steps between step records in metrics.jsonl of runs without a preset's plan. */
    public static final int METRICS_EVERY = 10;

    // The same values as text, for picocli option defaults (annotation values must be constants).
    public static final String BATCH_TEXT = "" + BATCH;
    public static final String ONE_SHOT_LR_TEXT = "" + ONE_SHOT_LR;
    public static final String STANDALONE_LR_TEXT = "" + STANDALONE_LR;

    private SpecDefaults() {
    }
}
