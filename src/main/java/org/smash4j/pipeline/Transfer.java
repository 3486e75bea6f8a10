package org.smash4j.pipeline;

import org.smash4j.run.RunFiles;
import org.smash4j.report.ReportWriter;
import org.smash4j.report.TransferRun;
import org.smash4j.space.ArchitectureDocument;
import org.smash4j.space.DataShape;
import org.smash4j.train.DataSpec;
import org.smash4j.run.RunFolder;
import org.smash4j.train.StandaloneRunConfig;
import org.smash4j.train.StandaloneTraining;
import org.smash4j.train.TrainingLoop;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code smash transfer}: trains the found architecture of a run from scratch on other data. Only what depends on
 * the data changes (input channels, resolution, classes, images or voxel grids; see {@link DataShape}), so an
 * architecture found on images trains on ModelNet10 as the paper's did; the run folder is a stand-alone
 * training folder (model/ as {@code smash train}, so {@code evaluate} and {@code predict} take it) whose run.json
 * also records the source ({@link TransferSource}), and it ends with its own report beside the source's result.
 */
public final class Transfer {
    public static final String COMMAND = TransferRun.COMMAND;
    /** Lengths and data sizes when the source records no preset. */
    public static final String DEFAULT_PRESET = "quick";

    private Transfer() {
    }

    /** RUN/transfers/DATA: where the transfers of a run go by default, and where its report looks for them. */
    public static Path defaultOut(Path from, String dataSet) {
        return from.resolve(RunFiles.TRANSFERS_DIR).resolve(dataSet.strip().toLowerCase(Locale.ROOT));
    }

    /** The preset whose plan sets the transfer's epochs and data sizes: the source's, else {@value #DEFAULT_PRESET}. */
    public static String defaultPreset(TransferSource source) {
        return source.preset() != null ? source.preset() : DEFAULT_PRESET;
    }

    /**
     * The settings of a transfer of {@code source} to {@code target}, trained with the stand-alone settings of
     * {@code smash run} ({@link StandaloneRunConfig#standard}).
     *
     * @throws IllegalArgumentException for images or grids the networks cannot run on
     */
    public static TransferRunConfig configure(TransferSource source, String preset, DataSpec target, int epochs,
            long seed, String device, int checkpointEvery, int metricsEvery) throws IOException {
        ArchitectureDocument adapted = adapt(source.document(), target.prepare().shape());
        return new TransferRunConfig(source, preset, StandaloneRunConfig.standard(adapted, target, epochs, seed,
                device, checkpointEvery, metricsEvery));
    }

    /** The architecture in its space fitted to {@code target}; the architecture itself is unchanged. */
    public static ArchitectureDocument adapt(ArchitectureDocument source, DataShape target) {
        return new ArchitectureDocument(target.fit(source.space()), source.architecture());
    }

    /** Starts a transfer in a new run folder and writes its report when training ends. */
    public static TrainingLoop.Summary start(Path dir, TransferRunConfig c, PrintStream progress) throws IOException {
        return RunFolder.start(dir, COMMAND, c.training().seed(), c, run -> startIn(run, c, progress));
    }

    private static TrainingLoop.Summary startIn(RunFolder run, TransferRunConfig c, PrintStream progress)
            throws IOException {
        TransferSource s = c.source();
        run.log(String.format(Locale.ROOT, "transfer of the architecture in %s (%s run, %s) from %s to %s", s.path(),
                s.kind(), s.architectureFile(), DataShape.of(s.data() == null ? "?" : s.data().name(),
                        s.document().space()).describe(), DataShape.of(c.training().data().name(),
                        c.training().architecture().space()).describe()));
        return train(run, c, progress);
    }

    /** Continues a transfer from where it stopped (a finished one only has its report re-made). */
    public static TrainingLoop.Summary resume(Path dir, PrintStream progress) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return train(run, run.config(COMMAND, TransferRunConfig.class), progress);
    }

    private static TrainingLoop.Summary train(RunFolder run, TransferRunConfig c, PrintStream progress)
            throws IOException {
        TrainingLoop.Summary s = StandaloneTraining.train(run, c.training(), progress, -1);
        ReportWriter.write(run.dir());
        return s;
    }
}
