package org.smash4j.cli;

import org.smash4j.run.Json;
import org.smash4j.bench.ModelBenchmark;
import org.smash4j.bench.Stats;
import org.smash4j.nn.Placement;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.Versions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code smash bench ...}: benchmarks whose figures go into notes and docs (never timed tests). */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchCommand.Model.class, BenchCommand.Train.class, BenchCommand.Halving.class,
                BenchCommand.Faults.class})
final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Writes a benchmark's result with the versions and the backend (CPU, kernels) it ran on; null: nothing. */
    static void writeJson(Path file, Object result) throws IOException {
        if (file == null) {
            return;
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("versions", Versions.all());
        doc.put("backend", org.smash4j.backend.BackendInfo.current());
        doc.put("threads", org.smash4j.backend.BackendInfo.threads());
        doc.put("result", result);
        Json.MAPPER.writeValue(file.toFile(), doc);
    }

    @Command(name = "model", mixinStandardHelpOptions = true,
            description = {"Time the model layer on random input: one-shot training steps (forward, backward, "
                    + "weight generation, optimizer) at both ends of annealing, weight generation alone, scoring "
                    + "one architecture, a stand-alone training step, and RSS over a long run."})
    static final class Model implements java.util.concurrent.Callable<Integer> {
        @Mixin
        SpaceOptions space;

        @Option(names = "--batch", defaultValue = org.smash4j.train.SpecDefaults.BATCH_TEXT, description = "Batch size. Default: ${DEFAULT-VALUE}.")
        int batch;

        @Option(names = "--warmup", defaultValue = "5", description = "Untimed steps first. Default: ${DEFAULT-VALUE}.")
        int warmup;

        @Option(names = "--steps", defaultValue = "30", description = "Timed steps. Default: ${DEFAULT-VALUE}.")
        int steps;

        @Option(names = "--rss-steps", defaultValue = "1000",
                description = "Length of the run whose RSS is tracked. Default: ${DEFAULT-VALUE}.")
        int rssSteps;

        @Option(names = "--score-images", defaultValue = "5000",
                description = "Images used to time the scoring of one architecture. Default: ${DEFAULT-VALUE}.")
        int scoreImages;

        @Option(names = "--device", defaultValue = "cpu", description = "Device, e.g. cpu or gpu0. Default: ${DEFAULT-VALUE}.")
        String device;

        @Option(names = "--seed", defaultValue = "0", description = "Seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
        Path json;

        @Option(names = "--profile", paramLabel = "DIR", description = "Also record libtorch's profiler over 5 "
                + "one-shot steps and the scoring of 500 images into DIR (chrome://tracing files) and print the "
                + "operators that take the time.")
        Path profile;

        @Override
        public Integer call() throws IOException {
            SearchSpaceConfig c = space.config();
            ModelBenchmark.Settings settings = new ModelBenchmark.Settings(c, space.preset, batch, warmup, steps,
                    rssSteps, scoreImages, 20, seed, Placement.of(device), profile);
            ModelBenchmark.Result r = new ModelBenchmark(settings, System.err).run();
            print(r, System.out);
            writeJson(json, r);
            return 0;
        }

        private static void print(ModelBenchmark.Result r, PrintStream out) {
            out.printf(Locale.ROOT, "bench model: preset %s, batch %s, %s timed steps after %s warm-up, device %s, "
                    + "%s threads%n", r.settings().get("preset"), r.settings().get("batch"),
                    r.settings().get("timedSteps"), r.settings().get("warmup"), r.settings().get("device"),
                    r.settings().get("threads"));
            java.util.Map<String, String> b = org.smash4j.backend.BackendInfo.current();
            out.printf(Locale.ROOT, "cpu: %s (%s); kernels DNNL_MAX_CPU_ISA=%s, ATEN_CPU_CAPABILITY=%s%n", b.get("cpu"),
                    b.get("vectorExtensions"), b.get("DNNL_MAX_CPU_ISA"), b.get("ATEN_CPU_CAPABILITY"));
            out.printf(Locale.ROOT, "one-shot network: %,d parameters, of which HyperNet %,d%n", r.oneShotParams(),
                    r.hyperNetParams());
            out.println();
            out.println("one-shot step (s)          median     p10     p90   images/s  ops/arch  MMAC/image  GMAC/s");
            steps(out, "start of annealing", r.oneShotStart());
            steps(out, "end of annealing", r.oneShotEnd());
            out.println();
            out.println("where the time goes (median s)  sample+encode  generate  forward  backward  optimizer");
            phases(out, "start of annealing", r.oneShotStart());
            phases(out, "end of annealing", r.oneShotEnd());
            out.println();
            out.printf(Locale.ROOT, "weight generation per architecture (no grad): median %.4f s (p10 %.4f, p90 %.4f)%n",
                    r.generation().median(), r.generation().p10(), r.generation().p90());
            out.printf(Locale.ROOT, "scoring one architecture on %d images (batch 100, %.1f MMAC/image): %.2f s, "
                    + "%.2f GMAC/s%n", r.scoreImages(), r.scoreMacsPerImage() / 1e6, r.scoreSeconds(),
                    r.scoreImages() * (double) r.scoreMacsPerImage() / r.scoreSeconds() / 1e9);
            out.printf(Locale.ROOT, "stand-alone step (sampled architecture, %,d params, %.1f MMAC/image): median %.4f s "
                    + "(p10 %.4f, p90 %.4f), %.1f images/s, %.2f GMAC/s (forward MACs x images/s)%n",
                    r.standaloneParams(), r.standaloneMacsPerImage() / 1e6, r.standaloneStep().median(),
                    r.standaloneStep().p10(), r.standaloneStep().p90(), r.standaloneImagesPerSecond(),
                    r.standaloneImagesPerSecond() * r.standaloneMacsPerImage() / 1e9);
            out.print("RSS (MiB) by one-shot step:");
            r.rssMiB().forEach((k, v) -> out.printf(Locale.ROOT, "  %d: %.0f", k, v));
            out.println();
        }

        private static void steps(PrintStream out, String label, ModelBenchmark.StepTimings t) {
            Stats s = t.total();
            out.printf(Locale.ROOT, "  %-22s %8.4f %7.4f %7.4f %10.1f %9.1f %11.1f %7.2f%n", label, s.median(), s.p10(),
                    s.p90(), t.imagesPerSecond(), t.meanOps(), t.meanMacsPerImage() / 1e6, t.gmacPerSecond());
        }

        private static void phases(PrintStream out, String label, ModelBenchmark.StepTimings t) {
            out.printf(Locale.ROOT, "  %-29s %13.4f %9.4f %8.4f %9.4f %10.4f%n", label, t.sampleEncode().median(),
                    t.generate().median(), t.forward().median(), t.backward().median(), t.optimizer().median());
        }
    }

    @Command(name = "faults", mixinStandardHelpOptions = true,
            description = {"Fault injection at the tiny preset on Fashion-MNIST: each command runs once uninterrupted,"
                    + " then is killed (SIGKILL, child JVMs) at random moments, resumed and compared file by file"
                    + " with the uninterrupted run; single bit flips in a checkpoint; --out onto a folder of user"
                    + " files. Prints a table. Takes a few minutes per 10 kills."})
    static final class Faults implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--kills", defaultValue = "20", description = "Kills in all. Default: ${DEFAULT-VALUE}.")
        int kills;

        @Option(names = "--cases", split = ",", defaultValue = "train-smash,search,run,experiment",
                description = "Commands killed in turn. Default: ${DEFAULT-VALUE}.")
        java.util.List<String> cases;

        @Option(names = "--bit-flips", defaultValue = "200", description = "Single-bit corruptions of a checkpoint."
                + " Default: ${DEFAULT-VALUE}.")
        int bitFlips;

        @Option(names = "--seed", defaultValue = "0", description = "Seed of the kill moments and flipped bits."
                + " Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--work", defaultValue = "runs/bench-faults", description = "Folder for the runs (missing or"
                + " empty). Default: ${DEFAULT-VALUE}.")
        Path work;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
        Path json;

        @Override
        public Integer call() throws Exception {
            var r = org.smash4j.bench.FaultBenchmark.run(new org.smash4j.bench.FaultBenchmark.Settings(work, cases,
                    kills, bitFlips, seed), System.err);
            System.out.print(org.smash4j.bench.FaultBenchmark.table(r));
            writeJson(json, r);
            return 0;
        }
    }

    @Command(name = "train", mixinStandardHelpOptions = true,
            description = {"Time training on real data through the real training loop: one epoch of one-shot and of "
                    + "stand-alone training on a slice (images/s, RSS) and, with --complete, a complete one-shot "
                    + "training of the preset (wall time, final validation error)."})
    static final class Train implements java.util.concurrent.Callable<Integer> {
        @Mixin
        SpaceOptions space;

        @Mixin
        DataOptions data;

        @Option(names = "--slice", defaultValue = "2500", description = "Training images for the one-epoch timings. "
                + "Default: ${DEFAULT-VALUE}.")
        int slice;

        @Option(names = "--complete", description = "Also run a complete one-shot training of the preset.")
        boolean complete;

        @Option(names = "--work", defaultValue = "runs/bench-train", description = "Folder for the runs (must not "
                + "exist). Default: ${DEFAULT-VALUE}.")
        Path work;

        @Override
        public Integer call() throws IOException {
            if (java.nio.file.Files.exists(work)) {
                throw new IOException(work + " exists; choose another --work folder");
            }
            Map<String, Object> r = org.smash4j.bench.TrainBenchmark.run(space.preset, data.spec(slice, 1000, 0), work,
                    complete, 0, System.err);
            System.out.println(Json.MAPPER.writeValueAsString(r));
            return 0;
        }
    }

    @Command(name = "halving", mixinStandardHelpOptions = true,
            description = {"Successive halving against full scoring on a trained one-shot network: the search's first "
                    + "R random samples are scored on the whole validation set in slices (timed), then halving runs "
                    + "on those slices for each setting. Prints the Spearman correlation of its ranking with the "
                    + "full scores, how many of the full top-k survive, and the time it saves."})
    static final class Halving implements java.util.concurrent.Callable<Integer> {
        @Option(names = "--smash", required = true, paramLabel = "RUN", description = "A trained one-shot run folder.")
        Path smash;

        @Option(names = "--architectures", defaultValue = "150", paramLabel = "R",
                description = "Random samples scored. Default: ${DEFAULT-VALUE}.")
        int architectures;

        @Option(names = "--settings", split = ",", defaultValue = "3:100,2:100,3:50,4:100", paramLabel = "ETA:MIN",
                description = "Settings compared, as eta:min-images. Default: ${DEFAULT-VALUE}.")
        List<String> settings;

        @Option(names = "--seed", defaultValue = "0", description = "Seed (the search's). Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--json", paramLabel = "FILE", description = "Also write the results as JSON to FILE.")
        Path json;

        @Override
        public Integer call() throws IOException {
            List<org.smash4j.search.SuccessiveHalving.Settings> list = new java.util.ArrayList<>();
            for (String s : settings) {
                String[] p = s.split(":");
                list.add(new org.smash4j.search.SuccessiveHalving.Settings(Integer.parseInt(p[0].trim()),
                        Integer.parseInt(p[1].trim())));
            }
            org.smash4j.bench.HalvingBenchmark.Result r = org.smash4j.bench.HalvingBenchmark.run(smash, architectures,
                    list, seed, System.err);
            System.out.printf(Locale.ROOT, "successive halving vs full scoring: %d architectures, %d validation images"
                    + ", %s%n", r.architectures(), r.validationImages(), org.smash4j.backend.CpuInfo.current());
            System.out.println("eta  min  rounds                 survivors  Spearman  top-k kept  best kept  "
                    + "full s  halving s  speed-up");
            for (org.smash4j.bench.HalvingBenchmark.Outcome o : r.outcomes()) {
                System.out.printf(Locale.ROOT, "%3d %4d  %-22s %9d  %8.4f  %10.2f  %9s  %6.1f  %9.1f  %7.2fx%n",
                        o.eta(), o.minImages(), java.util.Arrays.toString(o.rounds()), o.survivors(), o.spearman(),
                        o.topOverlap(), o.bestSurvives() ? "yes" : "no", o.fullSeconds(), o.halvingSeconds(),
                        o.speedup());
            }
            writeJson(json, r);
            return 0;
        }
    }
}
