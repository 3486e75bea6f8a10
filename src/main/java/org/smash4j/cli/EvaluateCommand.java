package org.smash4j.cli;

import org.smash4j.train.SpecDefaults;
import org.smash4j.nn.Placement;
import org.smash4j.train.DataSpec;
import org.smash4j.train.Evaluation;
import org.smash4j.train.StandaloneTraining;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash evaluate}: the test error of a trained model. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Reload a trained model (a finished `smash train` run) and compute its error on the test set "
                + "of the data it was trained on (or of --data).")
final class EvaluateCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "RUN", required = true, description = "Run folder of `smash train`.")
    Path model;

    @Option(names = "--data", paramLabel = "NAME", description = "Data set (default: the model's own).")
    String data;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder of the data set's files.")
    String dataDir;

    @Option(names = "--device", defaultValue = "cpu", description = "Device. Default: ${DEFAULT-VALUE}.")
    String device;

    @Override
    public Integer call() throws Exception {
        try (StandaloneTraining.Model m = StandaloneTraining.load(model, device)) {
            DataSpec own = m.info().data();
            DataSpec spec = data == null ? own : new DataSpec(data, dataDir, 0, 0, own.validationFraction(),
                    own.splitSeed());
            DataSpec.Prepared d = spec.prepare();
            Evaluation.Result r = Evaluation.run(d.test(), m.info().normalization(), SpecDefaults.EVAL_BATCH,
                    Placement.of(device), (i, x) -> m.network().forward(x, false));
            System.out.printf(Locale.ROOT, "test error %.4f (accuracy %.4f)%s on %d images of %s, loss %.4f%n",
                    r.error(), 1 - r.error(), r.hasTop5() ? String.format(Locale.ROOT, ", top-5 error %.4f",
                    r.top5Error()) : "", r.images(), d.name(), r.loss());
        }
        return 0;
    }
}
