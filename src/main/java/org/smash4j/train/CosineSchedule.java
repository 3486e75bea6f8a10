package org.smash4j.train;

/** The original's per-iteration cosine decay to zero: lr_j = 0.5 * lr0 * (1 + cos(pi * j / J)). */
public record CosineSchedule(double initial, long totalSteps) {
    public double at(long step) {
        return 0.5 * initial * (1 + Math.cos(Math.PI * step / totalSteps));
    }
}
