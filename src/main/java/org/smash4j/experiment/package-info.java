/**
 * The paper's experiments (section 4.1), one class each: {@link org.smash4j.experiment.CorrelationExperiment}
 * (SMASH score vs true error, Fig. 3), {@link org.smash4j.experiment.CrippledExperiment} (a much smaller HyperNet,
 * Fig. 5a), {@link org.smash4j.experiment.SeedsExperiment} (scores over several one-shot seeds, Fig. 5b),
 * {@link org.smash4j.experiment.TrickExperiment} (true vs corrupted encodings) and
 * {@link org.smash4j.experiment.ArchGradientExperiment} (dE/dc-guided search vs random perturbation).
 *
 * <p>Every experiment works in its own run folder: run.json (its configuration), ledger.jsonl (one line per
 * finished unit of work, so a killed experiment resumes without redoing any score or retraining any candidate),
 * results.json, plots/ and a report section (section.html, also shown by the pipeline report when the folder is
 * RUN/experiments/NAME) plus a page of its own (experiment.html).
 */
package org.smash4j.experiment;
