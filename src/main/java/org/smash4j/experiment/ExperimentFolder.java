package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import org.smash4j.report.ReportWriter;
import org.smash4j.run.RunFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Creating, reopening and placing experiment run folders. */
public final class ExperimentFolder {
    /** Prefix of the commands recorded in experiments' run.json ("experiment-correlation", ...). */
    public static final String COMMAND_PREFIX = "experiment-";

    private ExperimentFolder() {
    }

    /**
     * Checks the one-shot run an experiment works on before anything is written, then resumes {@code dir} when it
     * holds this experiment with the same configuration, else starts it ({@link RunFolder#startOrResume(Path, String,
     * long, Object, Class, RunFolder.Work)}: a start refused before its work wrote anything leaves nothing behind);
     * refuses a folder holding another run, other settings or files that are not a run.
     */
    static <C, T> T startOrResume(Path dir, String name, String smashRun, long seed, C config, Class<C> type,
            RunFolder.Work<T> work) throws IOException {
        OneShotSource.configOf(Path.of(smashRun));
        return RunFolder.startOrResume(dir, COMMAND_PREFIX + name, seed, config, type, work);
    }

    /** The experiment named in a run folder's run.json. */
    public static String experimentOf(Path dir) throws IOException {
        String command = RunFolder.open(dir).command();
        if (!command.startsWith(COMMAND_PREFIX)) {
            throw new IllegalArgumentException(dir + " holds a `" + command + "` run, not an experiment");
        }
        return command.substring(COMMAND_PREFIX.length());
    }

    /**
     * Where an experiment on {@code smashRun} goes by default: RUN/experiments/NAME when the one-shot run is the
     * smash/ stage of a pipeline run (so the pipeline report shows it), else SMASHRUN-NAME next to it.
     */
    public static Path defaultOut(Path smashRun, String name) {
        Path parent = smashRun.toAbsolutePath().normalize().getParent();
        if (parent != null && isPipeline(parent)) {
            return parent.resolve(RunFiles.EXPERIMENTS_DIR).resolve(name);
        }
        return smashRun.resolveSibling(smashRun.getFileName() + "-" + name);
    }

    /** Re-makes the pipeline report if the experiment lives in RUN/experiments/NAME of a pipeline run. */
    static void refreshPipelineReport(Path experimentDir) {
        Path experiments = experimentDir.toAbsolutePath().normalize().getParent();
        if (experiments == null || !experiments.getFileName().toString().equals(RunFiles.EXPERIMENTS_DIR)) {
            return;
        }
        Path run = experiments.getParent();
        if (run != null && isPipeline(run)) {
            try {
                ReportWriter.write(run);
            } catch (IOException | RuntimeException e) {
                System.err.println("warning: could not re-make the report of " + run + ": " + e.getMessage());
            }
        }
    }

    private static boolean isPipeline(Path dir) {
        try {
            return Files.isRegularFile(dir.resolve(RunFiles.RUN))
                    && "run".equals(RunFolder.open(dir).command());
        } catch (IOException e) {
            return false;
        }
    }
}
