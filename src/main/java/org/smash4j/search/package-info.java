/**
 * Architecture search with a trained one-shot model (spec section 6): a {@link org.smash4j.search.Scorer}
 * turns an architecture into a {@link org.smash4j.run.Score}; {@link org.smash4j.search.SearchStrategy}
 * implementations (random sampling, perturbation of the best, greedy hill-climbing, regularized evolution)
 * propose architectures as pure functions of the seed, the index and the results so far; a
 * {@link org.smash4j.search.SearchPlan} chains them into phases; {@link org.smash4j.search.SearchRunner} runs a
 * plan into {@code results.jsonl} and {@code ranking.json} and resumes an interrupted search by replaying it.
 * Plain Java: no tensors here, so the strategies can be tested with synthetic scorers in milliseconds.
 */
package org.smash4j.search;
