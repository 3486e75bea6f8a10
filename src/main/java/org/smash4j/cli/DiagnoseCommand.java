package org.smash4j.cli;

import org.smash4j.run.RunFiles;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.space.AnnealingState;
import org.smash4j.train.Adam;
import org.smash4j.train.Checkpoint;
import org.smash4j.train.ConditioningDiagnostics;
import org.smash4j.train.DataSpec;
import org.smash4j.run.Json;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code smash diagnose}: the conditioning diagnostics of a one-shot run's last checkpoint. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = {"How much the generated weights of a one-shot run's last checkpoint depend on the "
                + "architecture encoding c: HyperNet output collapse, weight change under shuffled c and under "
                + "redrawn noise, eps-limited Adam steps, op output amplitudes (see ConditioningDiagnostics). "
                + "Computed at the final annealing state; with the run's seed they match the last epoch's "
                + "metrics when the checkpoint is the end of training."})
final class DiagnoseCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN",
            description = "A `smash train-smash` run folder, or a `smash run` folder (its smash/ is used).")
    Path run;

    @Option(names = "--architectures", paramLabel = "N", defaultValue = "4",
            description = "Architectures to average over. Default: ${DEFAULT-VALUE}.")
    int architectures;

    @Option(names = "--seed", description = "Seed of the diagnostics' streams. Default: the run's seed.")
    Long seed;

    @Option(names = "--json", description = "Print the metrics as one JSON object instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RunFolder folder = RunFolder.open(oneShotFolder(run));
        OneShotRunConfig c = OneShotTraining.config(folder);
        Path ckpt = folder.resolve(RunFiles.CHECKPOINT);
        if (!Files.exists(ckpt)) {
            throw new IOException(folder.dir() + " has no checkpoint yet; train it first");
        }
        ConditioningDiagnostics.Probe probe = null;
        String probeNote = null;
        try {
            DataSpec.Prepared data = c.data().prepare();
            probe = ConditioningDiagnostics.Probe.of(data.validation(), data.normalization(),
                    ConditioningDiagnostics.PROBE_IMAGES);
        } catch (IOException e) {
            // The other diagnostics need no data: report them and say why the amplitude is missing.
            probeNote = "no amplitude: the run's data cannot be read (" + e.getMessage() + ")";
        }
        ConditioningDiagnostics d;
        Object step;
        try (OneShotNetwork net = c.newNetwork(); Adam adam = new Adam(net.parameters(), c.adam())) {
            step = Checkpoint.read(ckpt, net.parameters(), adam).get("step");
            d = ConditioningDiagnostics.compute(net, AnnealingState.finalState(c.space()),
                    seed == null ? c.seed() : seed, architectures, adam, probe);
        }
        Map<String, Double> metrics = d.toMap();
        if (json) {
            System.out.println(Json.LINE.writeValueAsString(metrics));
            return 0;
        }
        System.out.printf(Locale.ROOT, "%s: checkpoint at step %s, %d architecture%s at the final annealing state%n",
                folder.dir(), step, architectures, architectures == 1 ? "" : "s");
        int width = metrics.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Double> e : metrics.entrySet()) {
            System.out.printf(Locale.ROOT, "  %-" + width + "s  %8.4f  %s%n", e.getKey(), e.getValue(),
                    ConditioningDiagnostics.meaning(e.getKey()));
        }
        if (probeNote != null) {
            System.out.println(probeNote);
        }
        return 0;
    }

    /** The one-shot run itself, or the smash/ folder of a pipeline run. */
    private static Path oneShotFolder(Path dir) throws IOException {
        String command = RunFolder.open(dir).command();
        if (!OneShotTraining.COMMAND.equals(command) && Files.isRegularFile(dir.resolve(RunFiles.SMASH_DIR)
                .resolve(RunFiles.RUN))) {
            return dir.resolve(RunFiles.SMASH_DIR);
        }
        return dir;
    }
}
