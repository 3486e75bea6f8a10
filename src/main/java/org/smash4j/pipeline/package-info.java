/**
 * Jobs made of stages: the search job (a trained one-shot run + a search plan + the SMASH scorer), the whole
 * pipeline behind {@code smash run}, and the transfer of a found architecture to another data set
 * ({@code smash transfer}: its space fitted to the target data, trained from scratch, with its provenance).
 */
package org.smash4j.pipeline;
