package org.smash4j.run;

/**
 * The names of the files and folders of run folders, in one place. Every command's folder holds {@link #RUN},
 * {@link #LOG} and, for training, {@link #METRICS} and {@link #CHECKPOINT}; the other names belong to one kind of
 * run (a search, a stand-alone model, an experiment, the pipeline's top folder).
 */
public final class RunFiles {
    /** The run description: command, seed, configuration, versions, data summary (indented JSON). */
    public static final String RUN = "run.json";
    /** The run's log (SLF4J per-run appender). */
    public static final String LOG = "run.log";
    /** Training metrics, one JSON object a line ({"type":"step"|"epoch",...}). */
    public static final String METRICS = "metrics.jsonl";
    /** The latest training checkpoint; the one before it is kept beside it as {@code checkpoint.previous.bin}. */
    public static final String CHECKPOINT = "checkpoint.bin";

    /** A search's scored architectures, one JSON line each ({@link ResultsFile}). */
    public static final String RESULTS = "results.jsonl";
    /** A search's distinct architectures by score ({@link Ranking}). */
    public static final String RANKING = "ranking.json";
    /** A search's running ensemble of softmax outputs. */
    public static final String ENSEMBLE = "ensemble.bin";

    /** The saved model of a stand-alone training: a folder holding the three files below. */
    public static final String MODEL_DIR = "model";
    /** The trained architecture and its search space (indented, strict format). */
    public static final String MODEL_ARCHITECTURE = "architecture.json";
    /** The trained network's parameters. */
    public static final String MODEL_WEIGHTS = "weights.params";
    /** How the model was trained (normalisation, data shape, errors). */
    public static final String MODEL_INFO = "model.json";

    /** An experiment's finished work, one JSON line per item. */
    public static final String LEDGER = "ledger.jsonl";
    /** An experiment's results. */
    public static final String EXPERIMENT_RESULTS = "results.json";
    /** An experiment's page. */
    public static final String EXPERIMENT_PAGE = "experiment.html";
    /** An experiment's section of the pipeline report. */
    public static final String EXPERIMENT_SECTION = "section.html";

    /** Sub-folders of the pipeline's top folder ({@code smash run}). */
    public static final String SMASH_DIR = "smash";
    public static final String SEARCH_DIR = "search";
    public static final String FINAL_DIR = "final";
    public static final String BASELINES_DIR = "baselines";
    public static final String EXPERIMENTS_DIR = "experiments";
    public static final String TRANSFERS_DIR = "transfers";

    /** The report: a folder with the page, its summary and plots. */
    public static final String REPORT_DIR = "report";
    public static final String REPORT_HTML = "report.html";
    public static final String REPORT_SUMMARY = "summary.json";
    public static final String PLOTS_DIR = "plots";

    private RunFiles() {
    }
}
