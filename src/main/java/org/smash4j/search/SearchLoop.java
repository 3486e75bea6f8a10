package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;
import org.smash4j.run.Score;

import org.smash4j.space.Architecture;
import org.smash4j.space.Block;
import org.smash4j.space.CostModel;
import org.smash4j.space.InvalidArchitectureException;
import org.smash4j.space.NetworkCost;
import org.smash4j.space.NormStyle;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The search itself, in memory: propose the next architecture, score it, add it to the history. Also
 * replays recorded results (checking that the plan proposes them again) so that {@link SearchRunner} can
 * resume, and so that tests can run whole searches without files.
 *
 * <p><b>Duplicates reuse the earlier score</b>: when a proposal equals an architecture already in the
 * history, the scorer is not called again; the new result carries the first occurrence's score with 0
 * seconds and the ensemble error unchanged (nothing new joined the ensemble). One architecture thus has
 * one score, so greedy acceptance cannot be fooled by re-scoring an architecture with luckier noise, and
 * the ranking lists each architecture once.
 */
public final class SearchLoop {
    private final SearchPlan plan;
    private final Scorer scorer;
    private final long seed;
    private final List<ScoredArchitecture> history = new ArrayList<>();
    private final List<ScoredArchitecture> historyView = Collections.unmodifiableList(history);
    private final Map<Architecture, ScoredArchitecture> firstOccurrence = new HashMap<>();
    private ScoredArchitecture best;
    private final Map<Long, Score> halved = new HashMap<>();
    /** The phase whose successive-halving scores {@link #halved} holds (scored once per loop). */
    private SearchPlan.Stage halvedStage;
    private Consumer<String> log;

    public SearchLoop(SearchPlan plan, Scorer scorer, long seed) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.scorer = Objects.requireNonNull(scorer, "scorer");
        this.seed = seed;
    }

    public SearchPlan plan() {
        return plan;
    }

    /** The results so far, in index order (a read-only view). */
    public List<ScoredArchitecture> history() {
        return historyView;
    }

    /** Whether every result of the plan is in the history. */
    public boolean done() {
        return history.size() >= plan.size();
    }

    /** The best result so far (lowest score, earliest on a tie), or null before the first. */
    public ScoredArchitecture best() {
        return best;
    }

    /** Where successive halving reports its rounds (null: nowhere). */
    public SearchLoop logTo(Consumer<String> log) {
        this.log = log;
        return this;
    }

    /** Proposes, scores and records the next result. */
    public ScoredArchitecture next() {
        if (done()) {
            throw new IllegalStateException("the search is complete: the plan has " + plan.size() + " results");
        }
        long index = history.size();
        SearchPlan.Stage stage = plan.stageAt(index);
        if (stage.halving() != null && halvedStage != stage) {
            halveStage(stage);
            halvedStage = stage;
        }
        Proposal p = plan.propose(seed, index, historyView);
        ScoredArchitecture earlier = firstOccurrence.get(p.architecture());
        Score score;
        long params;
        long macs;
        if (earlier != null) {
            double ensemble = history.get(history.size() - 1).score().ensembleError();
            score = earlier.score().withSeconds(0).withEnsembleError(ensemble);
            params = earlier.params();
            macs = earlier.macs();
        } else {
            NetworkCost cost = validatedCost(p.architecture(), index);
            score = stage.halving() != null ? halved.remove(index) : scorer.score(p.architecture(), index);
            if (score == null) {
                throw new IllegalStateException("the scorer returned no score for result " + index);
            }
            params = cost.params();
            macs = cost.macs();
        }
        ScoredArchitecture r = new ScoredArchitecture(index, p.phase(), p.architecture(), score, params, macs,
                p.parent());
        add(r);
        return r;
    }

    /**
     * Scores a whole phase of history-independent proposals (random samples) by successive halving, keeping the
     * scores of its indices from the current one on until {@link #next} records them. The whole phase is scored
     * again after a resume inside it (deterministically, so the recorded part comes out the same).
     */
    private void halveStage(SearchPlan.Stage stage) {
        if (!(scorer instanceof SliceScorer slices)) {
            throw new IllegalStateException("successive halving needs a scorer that can score part of the validation"
                    + " set; " + scorer.getClass().getSimpleName() + " cannot");
        }
        if (!stage.strategy().independentOfHistory()) {
            throw new IllegalStateException("successive halving scores a phase at once, which strategy '"
                    + stage.strategy().name() + "' does not allow (its proposals depend on earlier scores)");
        }
        List<SuccessiveHalving.Candidate> candidates = new ArrayList<>();
        // Architectures scored before this phase are reused, not scored again (as in next()).
        java.util.Set<Architecture> seen = new java.util.HashSet<>();
        for (ScoredArchitecture r : history.subList(0, (int) Math.min(stage.start(), history.size()))) {
            seen.add(r.architecture());
        }
        for (long i = stage.start(); i < stage.start() + stage.count(); i++) {
            Architecture a = stage.strategy().propose(i, historyView, plan.rng(seed, i)).architecture();
            if (seen.add(a)) {
                validatedCost(a, i);
                candidates.add(new SuccessiveHalving.Candidate(i, a));
            }
        }
        List<Score> scores = SuccessiveHalving.run(candidates, slices, stage.halving(), log);
        halved.clear();
        for (int k = 0; k < candidates.size(); k++) {
            if (candidates.get(k).index() >= history.size()) {
                halved.put(candidates.get(k).index(), scores.get(k));
            }
        }
    }

    /**
     * Takes a recorded result without scoring it, after checking that the plan proposes the same
     * architecture, phase and parent for its index (else the search's settings changed since it was
     * recorded, and continuing would mix two different searches).
     *
     * @throws ResumeMismatchException if the recorded result is not what the plan proposes now
     */
    public void replay(ScoredArchitecture recorded) {
        long index = history.size();
        if (recorded.index() != index) {
            throw new ResumeMismatchException("cannot resume: expected the record of result " + index
                    + ", got result " + recorded.index());
        }
        if (done()) {
            throw new ResumeMismatchException("cannot resume: the results hold more than the plan's " + plan.size()
                    + " results (" + plan + "); the search's settings changed since it was started");
        }
        Proposal p = plan.propose(seed, index, historyView);
        List<String> differences = new ArrayList<>();
        if (p.phase() != recorded.phase()) {
            differences.add("phase '" + recorded.phase().jsonName() + "' was recorded, the plan now gives '"
                    + p.phase().jsonName() + "'");
        }
        if (!Objects.equals(p.parent(), recorded.parent())) {
            differences.add("parent " + recorded.parent() + " was recorded, the plan now gives " + p.parent());
        }
        if (!p.architecture().equals(recorded.architecture())) {
            differences.add("the recorded architecture differs from the one the plan proposes now ("
                    + firstDifference(recorded.architecture(), p.architecture()) + ")");
        }
        if (!differences.isEmpty()) {
            throw new ResumeMismatchException("cannot resume: result " + index + " does not replay: "
                    + String.join("; ", differences) + ". The search's settings (seed, plan, search space) must"
                    + " be the ones it was started with; to search with other settings, start a new search folder");
        }
        if (!firstOccurrence.containsKey(recorded.architecture())) {
            scorer.restore(recorded.architecture(), index, recorded.score());
        }
        add(recorded);
    }

    /** Where two architectures first differ, e.g. "block 1, op 2", so a mismatch can be inspected. */
    static String firstDifference(Architecture recorded, Architecture proposed) {
        for (int b = 0; b < Math.min(recorded.blocks().size(), proposed.blocks().size()); b++) {
            Block r = recorded.blocks().get(b);
            Block q = proposed.blocks().get(b);
            if (r.bankSize() != q.bankSize()) {
                return "block " + b + ": bank size " + r.bankSize() + " recorded, " + q.bankSize() + " proposed";
            }
            for (int o = 0; o < Math.min(r.ops().size(), q.ops().size()); o++) {
                if (!r.ops().get(o).equals(q.ops().get(o))) {
                    return "first at block " + b + ", op " + o;
                }
            }
            if (r.ops().size() != q.ops().size()) {
                return "block " + b + ": " + r.ops().size() + " ops recorded, " + q.ops().size() + " proposed";
            }
        }
        return recorded.blocks().size() + " blocks recorded, " + proposed.blocks().size() + " proposed";
    }

    /** The stand-alone cost, whose computation also validates the proposal before anything scores it. */
    private NetworkCost validatedCost(Architecture a, long index) {
        try {
            return CostModel.of(a, plan.config(), NormStyle.SANDWICH);
        } catch (InvalidArchitectureException e) {
            // A strategy bug, not a user error: the sampler and perturber promise valid architectures.
            throw new IllegalStateException("strategy '" + plan.stageAt(index).strategy().name()
                    + "' proposed an invalid architecture for result " + index + ": " + e.getMessage(), e);
        }
    }

    private void add(ScoredArchitecture r) {
        history.add(r);
        firstOccurrence.putIfAbsent(r.architecture(), r);
        if (best == null || ScoredArchitecture.BEST_FIRST.compare(r, best) < 0) {
            best = r;
        }
    }
}
