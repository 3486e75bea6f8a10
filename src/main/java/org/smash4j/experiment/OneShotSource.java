package org.smash4j.experiment;

import org.smash4j.run.RunFiles;
import org.smash4j.encoding.Encoder;
import org.smash4j.encoding.Encoding;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.Architecture;
import org.smash4j.train.DataSpec;
import org.smash4j.train.HyperNetEvaluator;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained one-shot network with the data it was trained on, ready to score architectures on its held-out
 * validation split (the same split the search uses).
 */
final class OneShotSource implements AutoCloseable {
    private final Path dir;
    private final OneShotRunConfig config;
    private final DataSpec.Prepared data;
    private final OneShotNetwork net;

    private OneShotSource(Path dir, OneShotRunConfig config, DataSpec.Prepared data, OneShotNetwork net) {
        this.dir = dir;
        this.config = config;
        this.data = data;
        this.net = net;
    }

    /** Opens a finished {@code train-smash} run (or the smash/ folder of a pipeline run). */
    static OneShotSource open(Path smashRun) throws IOException {
        RunFolder run = requireFinished(smashRun);
        OneShotRunConfig c = OneShotTraining.config(run);
        DataSpec.Prepared data = c.data().prepare();
        return new OneShotSource(smashRun, c, data, OneShotTraining.load(run));
    }

    /** The run's configuration, after checking that its training is finished. */
    static OneShotRunConfig configOf(Path smashRun) throws IOException {
        return OneShotTraining.config(requireFinished(smashRun));
    }

    private static RunFolder requireFinished(Path smashRun) throws IOException {
        if (!Files.isRegularFile(smashRun.resolve(RunFiles.RUN))) {
            throw new IOException(smashRun + " is not a run folder (no " + RunFiles.RUN + "); pass the folder"
                    + " of a `smash train-smash` run, or RUN/smash of a `smash run`");
        }
        RunFolder run = RunFolder.open(smashRun);
        String command = run.command();
        if (!OneShotTraining.COMMAND.equals(command)) {
            throw new IOException(smashRun + " holds a `" + command + "` run, not a one-shot (`"
                    + OneShotTraining.COMMAND + "`) run"
                    + ("run".equals(command) ? "; use " + smashRun.resolve(RunFiles.SMASH_DIR) : ""));
        }
        return run;
    }

    /**
     * Trains a one-shot network like the one in {@code base} but with another seed or HyperNet (the crippled and
     * seeds experiments), resuming it if {@code dir} already holds it; returns once it is finished.
     */
    static void trainVariant(Path dir, OneShotRunConfig variant, PrintStream progress) throws IOException {
        if (Files.exists(dir.resolve(RunFiles.RUN))
                && !OneShotTraining.config(RunFolder.open(dir)).equals(variant)) {
            throw new IllegalArgumentException(dir + " holds a one-shot run with other settings");
        }
        OneShotTraining.startOrResume(dir, variant, progress);
    }

    /** {@code base} with another HyperNet, epoch count, seed and device; everything else (data, schedule) kept. */
    static OneShotRunConfig variant(OneShotRunConfig base, org.smash4j.nn.HyperNetShape hyperNet, int epochs,
            long seed, String device) {
        return new OneShotRunConfig(base.preset(), base.space(), hyperNet, base.data(), epochs, base.batchSize(),
                base.learningRate(), base.adam(), seed, device, base.checkpointEvery(), base.metricsEvery(),
                base.evalBatch(), base.maxLoss(), base.rowMarking(), base.positionChannels(), base.evaluator(),
                base.pathDropout());
    }

    /**
     * The run's configuration, after checking that it is a HyperNet run: {@code experiment} studies the HyperNet
     * (its encoding, its capacity), which a weight-sharing network does not have.
     */
    static OneShotRunConfig requireHyperNet(Path smashRun, String experiment) throws IOException {
        OneShotRunConfig c = configOf(smashRun);
        if (!c.evaluator().equals(HyperNetEvaluator.NAME)) {
            throw new IllegalArgumentException("the " + experiment + " experiment studies the HyperNet, and "
                    + smashRun + " is a " + c.evaluator() + " run without one");
        }
        return c;
    }

    Path dir() {
        return dir;
    }

    OneShotRunConfig config() {
        return config;
    }

    DataSpec.Prepared data() {
        return data;
    }

    OneShotNetwork network() {
        return net;
    }

    Placement placement() {
        return Placement.of(config.device());
    }

    /** A scorer of this network (no running ensemble is kept). */
    SmashScorer scorer(ScorerVariant variant, long seed) {
        try {
            return new SmashScorer(net, data.validation(), data.train(), data.normalization(), placement(), seed,
                    variant.settings(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The score of {@code arch} with its true encoding; the noise draws depend on {@code index}. */
    static ScoreRecord score(SmashScorer scorer, Architecture arch, OneShotNetwork net, long index) {
        Encoding c = net.encode(arch);
        return ScoreRecord.of(scorer.scoreWith(arch, c, index));
    }

    /** The score of {@code arch} as {@code variant} computes it: with its true encoding, or the unmarked one. */
    static ScoreRecord score(SmashScorer scorer, ScorerVariant variant, Architecture arch, OneShotNetwork net,
            long index) {
        Encoding c = variant.constantEncoding() ? Encoder.unmarked(arch, net.config()) : net.encode(arch);
        return ScoreRecord.of(scorer.scoreWith(arch, c, index));
    }

    @Override
    public void close() {
        net.close();
    }
}
