package org.smash4j.run;

import org.smash4j.space.Architecture;

/**
 * One entry of {@code ranking.json}: a distinct architecture of the search, by score.
 *
 * @param rank         1 for the lowest score
 * @param index        the result it was first scored as
 * @param score        its SMASH score
 * @param params       parameters of its stand-alone network
 * @param macs         multiply-accumulates per image of its stand-alone network
 * @param architecture the architecture
 */
public record RankedArchitecture(int rank, long index, double score, long params, long macs,
                                 Architecture architecture) {
}
