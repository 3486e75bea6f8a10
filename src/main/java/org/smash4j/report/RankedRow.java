package org.smash4j.report;

import org.smash4j.space.Architecture;

/**
 * One row of the report's ranking: a ranked architecture joined with what results.jsonl says about it. Made by
 * {@link Leaderboard}.
 *
 * @param rank         1 for the best (lowest) SMASH score
 * @param index        its index in results.jsonl
 * @param phase        the search phase that proposed it ("" when unknown)
 * @param score        SMASH score, a validation error fraction
 * @param scoreStd     standard deviation over noise draws (NaN when unknown)
 * @param params       stand-alone parameters (-1 when unknown)
 * @param macs         stand-alone multiply-accumulates per image (-1 when unknown)
 * @param architecture the architecture, or null when unreadable
 */
public record RankedRow(int rank, int index, String phase, double score, double scoreStd, long params, long macs,
        Architecture architecture) {
}
