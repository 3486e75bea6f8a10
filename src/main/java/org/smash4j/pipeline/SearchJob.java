package org.smash4j.pipeline;

import org.smash4j.run.RunFiles;
import org.smash4j.nn.OneShotNetwork;
import org.smash4j.nn.Placement;
import org.smash4j.search.SearchPlan;
import org.smash4j.search.SearchRunner;
import org.smash4j.search.SmashScorer;
import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.train.DataSpec;
import org.smash4j.train.OneShotRunConfig;
import org.smash4j.train.OneShotTraining;
import org.smash4j.run.RunFolder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * {@code smash search}: scores architectures with a trained one-shot network on the same held-out validation
 * split its training used, following a search plan; resumable (results.jsonl is the state).
 */
public final class SearchJob {
    public static final String COMMAND = "search";

    private SearchJob() {
    }

    /**
     * Starts a search in {@code dir}, or continues it if {@code dir} already holds this search. The one-shot run is
     * checked before anything is written, and a start refused later (its data) leaves nothing behind.
     */
    public static SearchRunner.Summary run(Path dir, SearchRunConfig config, PrintStream progress) throws IOException {
        OneShotTraining.config(RunFolder.open(Path.of(config.smashRun())));
        return RunFolder.startOrResume(dir, COMMAND, config.seed(), config, SearchRunConfig.class,
                run -> search(run, config, progress));
    }

    /** Continues the search in {@code dir} with its recorded settings. */
    public static SearchRunner.Summary resume(Path dir, PrintStream progress) throws IOException {
        RunFolder run = RunFolder.open(dir);
        return search(run, config(run), progress);
    }

    public static SearchRunConfig config(RunFolder run) throws IOException {
        return run.config(COMMAND, SearchRunConfig.class);
    }

    /** The plan of a search over {@code space}. */
    public static SearchPlan plan(SearchRunConfig c, SearchSpaceConfig space) {
        SearchPlan.Builder b = SearchPlan.builder(space).random(c.random(), c.halving());
        if (c.perturb() > 0) {
            b.perturbBest(c.perturb(), c.perturbProbability());
        }
        if (c.hillClimb() > 0) {
            b.hillClimb(c.hillClimb(), c.perturbProbability());
        }
        if (c.evolution() > 0) {
            b.evolution(c.evolution(), c.population(), c.tournament(), c.perturbProbability());
        }
        return b.build();
    }

    private static SearchRunner.Summary search(RunFolder run, SearchRunConfig c, PrintStream progress)
            throws IOException {
        RunFolder smash = RunFolder.open(Path.of(c.smashRun()));
        OneShotRunConfig sc = OneShotTraining.config(smash);
        DataSpec.Prepared data = sc.data().prepare();
        Placement placement = Placement.of(c.device());
        try (OneShotNetwork net = OneShotTraining.load(smash)) {
            SmashScorer scorer = new SmashScorer(net, data.validation(), data.train(), data.normalization(), placement,
                    c.seed(), c.scorer(), run.resolve(RunFiles.ENSEMBLE));
            SearchPlan plan = plan(c, sc.space());
            run.log("search: " + plan + " with " + c.scorer() + " on a " + sc.label() + " one-shot network");
            SearchRunner.Summary s = new SearchRunner(plan, scorer, c.seed()).progressTo(progress).run(run.dir());
            run.log("search: " + s.results().size() + " results, best #" + s.best().index() + " score "
                    + s.best().score().error() + "; non-finite outputs recomputed: " + scorer.weightRetries()
                    + " weight generations, " + scorer.batchRetries() + " batches");
            return s;
        }
    }
}
