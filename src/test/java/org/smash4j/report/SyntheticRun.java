package org.smash4j.report;

import org.smash4j.run.RunFiles;
import org.smash4j.run.Phase;
import org.smash4j.run.Ranking;
import org.smash4j.run.ResultsFile;
import org.smash4j.run.Score;
import org.smash4j.run.ScoredArchitecture;
import org.smash4j.space.Architecture;
import org.smash4j.space.ArchitectureJson;
import org.smash4j.space.ArchitectureValidator;
import org.smash4j.space.Presets;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A pipeline run folder written by hand in the formats of the run-folder contract, so that the report tests know
 * every number in it. The expected summary values are worked out in the comments next to the files.
 *
 * <p>Stages and clocks (RUN created 10:00:00):
 * <pre>
 * smash       created 10:00:05, epochs elapsed 60, 100, then resumed: 30 -> 100 + 30 = 130 s, ends 10:02:15
 * search      created 10:05:00, result seconds 2 + 2.5 + 1.5 + 3 + 1 = 10 s,        ends 10:05:10
 * rank-1      created 10:06:00, elapsed 20, 40, 60 -> 60 s,                          ends 10:07:00
 * rank-2      created 10:06:30, elapsed 25 -> 25 s,                                  ends 10:06:55
 * random-1    created 10:07:00, elapsed 50 -> 50 s,                                  ends 10:07:50
 * random-2    created 10:07:10, elapsed 55 -> 55 s,                                  ends 10:08:05
 * total: 10:00:00 -> 10:08:05 = 485 s
 * </pre>
 */
final class SyntheticRun {
    static final SearchSpaceConfig QUICK = Presets.quick();

    /**
     * The winner, a valid quick-preset architecture (N=8, k=4, D=2; block inputs 32, 48, 48; budgets 10, 19, 35
     * slices; max widths 96, 112, 128):
     * <pre>
     * block 0, bs=1 (8 ch): R0 = 32/8 = 4, cap min(4 + 16, 96/8) = 12
     *   op 0: reads 0,1        width 2  writes new 4,5        (1 slice)
     *   op 1: reads 2,3,4,5    width 1  writes add 0          (2 slices)
     *   op 2: reads 0,5        width 2  writes add 1, new 6,7 (1 slice)     -> 8 banks
     * block 1, bs=2 (16 ch): R0 = 48/16 = 3, cap min(3 + 8, 112/16) = 7
     *   op 0: reads 0,1,2      width 4  writes add 0, new 3   (3 slices)
     *   op 1: reads 3          width 2  writes new 4          (1 slice)     -> 5 banks
     * block 2, bs=4 (32 ch): R0 = 48/32 = 1 (16 ch dropped), cap min(1 + 4, 128/32) = 4
     *   op 0: reads 0          width 4  writes add 0, new 1   (2 slices)
     *   op 1: reads 0,1        width 4  writes new 2          (4 slices)
     *   op 2: reads 1,2        width 4  writes add 0, new 3   (4 slices)    -> 4 banks
     * </pre>
     */
    static final String WINNER_JSON = """
            {"blocks":[
             {"bankSize":1,"ops":[
              {"reads":[0,1],"writes":[4,5],"width":2,"pattern":"SINGLE",
               "convs":[{"kernelH":3,"kernelW":3,"dilationH":1,"dilationW":1,"groups":1}]},
              {"reads":[2,3,4,5],"writes":[0],"width":1,"pattern":"SINGLE",
               "convs":[{"kernelH":5,"kernelW":3,"dilationH":2,"dilationW":1,"groups":1}]},
              {"reads":[0,5],"writes":[1,6,7],"width":2,"pattern":"SINGLE",
               "convs":[{"kernelH":3,"kernelW":5,"dilationH":1,"dilationW":2,"groups":2}]}]},
             {"bankSize":2,"ops":[
              {"reads":[0,1,2],"writes":[0,3],"width":4,"pattern":"SINGLE",
               "convs":[{"kernelH":3,"kernelW":7,"dilationH":1,"dilationW":1,"groups":2}]},
              {"reads":[3],"writes":[4],"width":2,"pattern":"SINGLE",
               "convs":[{"kernelH":7,"kernelW":3,"dilationH":1,"dilationW":1,"groups":1}]}]},
             {"bankSize":4,"ops":[
              {"reads":[0],"writes":[0,1],"width":4,"pattern":"SINGLE",
               "convs":[{"kernelH":7,"kernelW":7,"dilationH":1,"dilationW":1,"groups":8}]},
              {"reads":[0,1],"writes":[2],"width":4,"pattern":"SINGLE",
               "convs":[{"kernelH":3,"kernelW":3,"dilationH":3,"dilationW":3,"groups":4}]},
              {"reads":[1,2],"writes":[0,3],"width":4,"pattern":"SINGLE",
               "convs":[{"kernelH":5,"kernelW":5,"dilationH":2,"dilationW":2,"groups":1}]}]}]}""";

    /** Block 0 (bs 2, R0 = 2): one op reading both banks into a new bank 2; blocks 1 and 2 empty. */
    static final String SMALL_JSON = """
            {"blocks":[{"bankSize":2,"ops":[{"reads":[0,1],"writes":[2],"width":2,"pattern":"SINGLE",
              "convs":[{"kernelH":3,"kernelW":3,"dilationH":1,"dilationW":1,"groups":1}]}]},
             {"bankSize":2,"ops":[]},{"bankSize":2,"ops":[]}]}""";

    /**
     * No ops at all, bank size 2 everywhere. Its stand-alone costs by hand (SANDWICH; MACs = H*W*out*in*kh*kw):
     * <pre>
     * stem 7x7 1 -> 32 @28:             params 32*49 = 1568,          MACs 1568*784 = 1,229,312
     * block 0: 2 banks of 16 = 32 ch;   transition BN(32) + 1x1 32->48 @28: params 64 + 1536 = 1600,
     *                                   MACs 1536*784 = 1,204,224
     * block 1: 3 banks of 16 = 48 ch;   transition BN(48) + 1x1 48->48 @14: params 96 + 2304 = 2400,
     *                                   MACs 2304*196 = 451,584
     * block 2: 3 banks = 48 ch;         head BN(48) + linear 48->10 + bias: params 96 + 480 + 10 = 586, MACs 480
     * total params 1568 + 1600 + 2400 + 586 = 6154; MACs 2,885,600
     * </pre>
     */
    static final String EMPTY_JSON = """
            {"blocks":[{"bankSize":2,"ops":[]},{"bankSize":2,"ops":[]},{"bankSize":2,"ops":[]}]}""";
    static final long EMPTY_PARAMS = 6154;
    static final long EMPTY_MACS = 2_885_600;

    private SyntheticRun() {
    }

    /** The winner, parsed and checked valid for quick. */
    static Architecture winner() {
        Architecture a = ArchitectureJson.readArchitecture(WINNER_JSON);
        ArchitectureValidator.validate(a, QUICK);
        return a;
    }

    private static String space() {
        return ArchitectureJson.toJson(QUICK);
    }

    static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** RUN/run.json. */
    static void writeRunJson(Path run) throws IOException {
        write(run.resolve("run.json"), """
                {"command":"run","seed":7,"created":"2024-05-01T10:00:00Z",
                 "config":{"preset":"quick","data":"fashion-mnist","seed":7,"topK":2},
                 "versions":{"smash4j":"0.1.0","djl":"0.35.1","java":"17.0.15"}}""");
    }

    /**
     * RUN/smash: three epochs of two steps each, resumed before epoch 3 (its clock restarts at 0). Last epoch:
     * trainLoss 1.5, trainError 0.5, valLoss 1.4, valError 0.45, maxKernel 7, maxBudget 1.0; last step 6.
     */
    static void writeSmash(Path run) throws IOException {
        Path d = run.resolve("smash");
        write(d.resolve("run.json"), """
                {"command":"train-smash","seed":11,"created":"2024-05-01T10:00:05Z",
                 "config":{"preset":"quick","space":%s,"data":{"name":"fashion-mnist"}},
                 "versions":{"smash4j":"0.1.0"}}""".formatted(space()));
        write(d.resolve("metrics.jsonl"), String.join("\n",
                step(1, 0.5, 2.3, 0.9), step(2, 1.0, 2.1, 0.8),
                epoch(1, 2, 2.2, 0.85, 2.0, 0.75, 3, 0.5, 60.0),
                step(3, 1.5, 1.9, 0.7), step(4, 2.0, 1.7, 0.6),
                epoch(2, 4, 1.8, 0.6, 1.7, 0.55, 5, 1.0, 100.0),
                step(5, 2.5, 1.6, 0.55), step(6, 3.0, 1.4, 0.45),
                epoch(3, 6, 1.5, 0.5, 1.4, 0.45, 7, 1.0, 30.0)) + "\n");
    }

    private static String step(int step, double epoch, double loss, double error) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"step\",\"step\":%d,\"epoch\":%s,\"loss\":%s,"
                + "\"error\":%s,\"lr\":0.001,\"imagesPerSecond\":250.0,\"maxKernel\":3,\"maxBudget\":0.5}",
                step, epoch, loss, error);
    }

    private static String epoch(int epoch, int step, double trainLoss, double trainError, double valLoss,
            double valError, int maxKernel, double maxBudget, double elapsed) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"epoch\",\"epoch\":%d,\"step\":%d,"
                + "\"trainLoss\":%s,\"trainError\":%s,\"lr\":0.001,\"maxKernel\":%d,\"maxBudget\":%s,"
                + "\"valLoss\":%s,\"valError\":%s,\"valErrorKind\":\"mean over a random architecture per batch\","
                + "\"elapsedSeconds\":%s}", epoch, step, trainLoss, trainError, maxKernel, maxBudget, valLoss,
                valError, elapsed);
    }

    /** SMALL with a 5x5 kernel: a fourth distinct architecture. */
    static final String SMALL_5X5_JSON = SMALL_JSON.replace("\"kernelH\":3,\"kernelW\":3", "\"kernelH\":5,\"kernelW\":5");
    /** No ops, bank size 1 in block 0: a fifth distinct architecture. */
    static final String EMPTY_BS1_JSON = EMPTY_JSON.replaceFirst("\"bankSize\":2", "\"bankSize\":1");

    /**
     * RUN/search: five results of five distinct architectures (scores .40 .35 .50 .30 .45: min .30, median .40,
     * max .50; 3 random, 2 perturb; last ensemble error .32; 10 s), written by the search's own writer, and,
     * when {@code withRanking}, ranking.json ranking them by score: indices 3, 1, 0, 4, 2.
     */
    static void writeSearch(Path run, boolean withRanking) throws IOException {
        Path d = run.resolve("search");
        write(d.resolve("run.json"), """
                {"command":"search","seed":13,"created":"2024-05-01T10:05:00Z","config":{},
                 "versions":{"smash4j":"0.1.0"}}""");
        List<ScoredArchitecture> results = List.of(
                result(0, Phase.RANDOM, EMPTY_JSON, 0.40, 0.01, 6154, 2885600, 2.0, 0.40, null),
                result(1, Phase.RANDOM, SMALL_JSON, 0.35, 0.015, 20000, 9000000, 2.5, 0.36, null),
                result(2, Phase.RANDOM, EMPTY_BS1_JSON, 0.50, 0.03, 6154, 2885600, 1.5, 0.37, null),
                result(3, Phase.PERTURB, WINNER_JSON, 0.30, 0.02, 61000, 4100000, 3.0, 0.33, 1L),
                result(4, Phase.PERTURB, SMALL_5X5_JSON, 0.45, 0.025, 20000, 9000000, 1.0, 0.32, 3L));
        StringBuilder lines = new StringBuilder();
        for (ScoredArchitecture r : results) {
            lines.append(ResultsFile.toLine(r)).append('\n');
        }
        write(d.resolve(RunFiles.RESULTS), lines.toString());
        if (withRanking) {
            write(d.resolve(RunFiles.RANKING), Ranking.toJson(QUICK, results));
        }
    }

    /** A result whose two noise draws lie {@code std} either side of {@code score} (validation loss 1.5). */
    private static ScoredArchitecture result(int index, Phase phase, String arch, double score, double std,
            long params, long macs, double seconds, double ensemble, Long parent) {
        Architecture a = ArchitectureJson.readArchitecture(arch);
        ArchitectureValidator.validate(a, QUICK);
        return new ScoredArchitecture(index, phase, a, new Score(score, List.of(score - std, score + std), std, 1.5,
                seconds, ensemble), params, macs, parent);
    }

    /**
     * RUN/final/rank-1 (the winner: last epoch 3, val .13, test .12, 60 s) and rank-2 (SMALL: epoch 1, test .18).
     */
    static void writeFinals(Path run) throws IOException {
        trained(run.resolve("final/rank-1"), 17, "2024-05-01T10:06:00Z", WINNER_JSON, String.join("\n",
                standaloneEpoch(1, 0.9, 0.3, 0.22, 0.20, 20.0),
                standaloneEpoch(2, 0.6, 0.2, 0.16, 0.15, 40.0),
                standaloneEpoch(3, 0.4, 0.1, 0.13, 0.12, 60.0)));
        trained(run.resolve("final/rank-2"), 19, "2024-05-01T10:06:30Z", SMALL_JSON,
                standaloneEpoch(1, 0.8, 0.25, 0.19, 0.18, 25.0));
    }

    /** RUN/baselines/random-1 (EMPTY, test .16, 50 s) and random-2 (EMPTY, test .19, 55 s). */
    static void writeBaselines(Path run) throws IOException {
        trained(run.resolve("baselines/random-1"), 23, "2024-05-01T10:07:00Z", EMPTY_JSON, String.join("\n",
                standaloneEpoch(1, 1.0, 0.35, 0.25, 0.24, 30.0),
                standaloneEpoch(2, 0.7, 0.22, 0.17, 0.16, 50.0)));
        trained(run.resolve("baselines/random-2"), 29, "2024-05-01T10:07:10Z", EMPTY_JSON,
                standaloneEpoch(1, 0.9, 0.3, 0.2, 0.19, 55.0));
    }

    private static void trained(Path d, long seed, String created, String arch, String metrics) throws IOException {
        write(d.resolve("run.json"), String.format(java.util.Locale.ROOT, "{\"command\":\"train\",\"seed\":%d,"
                + "\"created\":\"%s\",\"config\":{\"normStyle\":\"SANDWICH\",\"data\":{\"name\":\"fashion-mnist\"}},"
                + "\"versions\":{\"smash4j\":\"0.1.0\"}}", seed, created));
        write(d.resolve("metrics.jsonl"), metrics + "\n");
        write(d.resolve("model/architecture.json"), "{\"space\":" + space() + ",\"architecture\":" + arch + "}");
        write(d.resolve("model/model.json"), "{\"normStyle\":\"SANDWICH\"}");
    }

    private static String standaloneEpoch(int epoch, double trainLoss, double trainError, double valError,
            double testError, double elapsed) {
        return String.format(java.util.Locale.ROOT, "{\"type\":\"epoch\",\"epoch\":%d,\"step\":%d,"
                + "\"trainLoss\":%s,\"trainError\":%s,\"lr\":0.05,\"valLoss\":%s,\"valError\":%s,\"testLoss\":%s,"
                + "\"testError\":%s,\"elapsedSeconds\":%s}", epoch, epoch * 100, trainLoss, trainError,
                valError * 3, valError, testError * 3, testError, elapsed);
    }

    /** A complete run folder: run.json, smash, search with ranking, final rank-1 and rank-2, two baselines. */
    static void writeComplete(Path run) throws IOException {
        writeRunJson(run);
        writeSmash(run);
        writeSearch(run, true);
        writeFinals(run);
        writeBaselines(run);
    }
}
