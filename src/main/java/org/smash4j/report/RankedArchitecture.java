package org.smash4j.report;

import org.smash4j.space.Architecture;

/**
 * One entry of {@code search/ranking.json}'s "ranked" list (best first).
 *
 * @param rank         1 for the best score
 * @param index        the index of its line in results.jsonl
 * @param score        SMASH score (lower is better)
 * @param params       stand-alone parameter count (-1 when absent)
 * @param macs         stand-alone multiply-accumulates per image (-1 when absent)
 * @param architecture the architecture, or null when unreadable
 */
public record RankedArchitecture(int rank, int index, double score, long params, long macs,
        Architecture architecture) {
}
