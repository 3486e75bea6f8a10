package org.smash4j.train;

/** The loss became NaN, infinite or exploded; the run stopped without touching its last good checkpoint. */
public final class TrainingDivergedException extends IllegalStateException {
    private final long step;

    public TrainingDivergedException(long step, String message) {
        super(message);
        this.step = step;
    }

    /** The (0-based) step whose loss diverged. */
    public long step() {
        return step;
    }
}
