package org.smash4j.report;

import org.smash4j.space.ArchitectureDocument;

import java.nio.file.Path;

/**
 * A stand-alone training sub-run ({@code final/rank-k} or {@code baselines/random-k}): what it was asked to train
 * and how far it got.
 *
 * @param name      the folder name, e.g. "rank-1"
 * @param dir       the folder
 * @param info      its run.json, or null when absent
 * @param metrics   its metrics (empty when absent)
 * @param document  the trained architecture with its space (from model/architecture.json, else run.json), or null
 * @param normStyle the stand-alone norm style (from model/model.json, else run.json), or null
 */
public record TrainedModel(String name, Path dir, RunInfo info, MetricsLog metrics, ArchitectureDocument document,
        String normStyle) {
}
