/**
 * Jobs made of stages: the search job (a trained one-shot run + a search plan + the SMASH scorer) and the whole
 * pipeline behind {@code smash run}.
 */
package org.smash4j.pipeline;
