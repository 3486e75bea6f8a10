package org.smash4j.search;

import org.smash4j.run.ScoredArchitecture;

import org.smash4j.space.SearchSpaceConfig;
import org.smash4j.util.RandomStreams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * A search as a sequence of phases, e.g. the original's random 500, perturb 100, hill-climb 100, or
 * random samples followed by evolution. Result indices run through the phases without gaps; phase i
 * proposes indices {@code start_i .. start_i + count_i - 1}. The plan is also where a strategy's random
 * stream is derived, from (seed, strategy name, index), so that every proposal can be replayed.
 */
public final class SearchPlan {
    /** One phase: {@code count} proposals of {@code strategy}, from index {@code start}. */
    public record Stage(SearchStrategy strategy, long start, long count, Map<String, Object> settings,
            SuccessiveHalving.Settings halving) {
        public Stage {
            settings = Map.copyOf(settings);
        }

        /** A phase scored one proposal at a time. */
        public Stage(SearchStrategy strategy, long start, long count, Map<String, Object> settings) {
            this(strategy, start, count, settings, null);
        }

        /** Whether {@code index} belongs to this phase. */
        public boolean contains(long index) {
            return index >= start && index < start + count;
        }
    }

    private final SearchSpaceConfig config;
    private final List<Stage> stages;
    private final long size;

    private SearchPlan(SearchSpaceConfig config, List<Stage> stages) {
        this.config = config;
        this.stages = List.copyOf(stages);
        this.size = stages.isEmpty() ? 0 : stages.get(stages.size() - 1).start() + stages.get(stages.size() - 1).count();
    }

    /** A plan for the search space {@code config}, built phase by phase. */
    public static Builder builder(SearchSpaceConfig config) {
        return new Builder(config);
    }

    /** The original's search with its defaults (spec 6): random 500, perturb 100, hill-climb 100, p = 0.05. */
    public static SearchPlan original(SearchSpaceConfig config) {
        return builder(config).random(500).perturbBest(100, PerturbBest.DEFAULT_PROBABILITY)
                .hillClimb(100, PerturbBest.DEFAULT_PROBABILITY).build();
    }

    public SearchSpaceConfig config() {
        return config;
    }

    public List<Stage> stages() {
        return stages;
    }

    /** Total number of results the plan asks for. */
    public long size() {
        return size;
    }

    /** The phase that proposes {@code index}. */
    public Stage stageAt(long index) {
        for (Stage s : stages) {
            if (s.contains(index)) {
                return s;
            }
        }
        throw new IllegalArgumentException("index " + index + " is outside the plan, which has " + size + " results");
    }

    /** The proposal for result {@code index} of the search with {@code seed}, given results 0..index-1. */
    public Proposal propose(long seed, long index, List<ScoredArchitecture> history) {
        return stageAt(index).strategy().propose(index, history, rng(seed, index));
    }

    /** The random stream of the proposal for result {@code index}: (seed, its strategy's name, index). */
    java.util.random.RandomGenerator rng(long seed, long index) {
        return RandomStreams.of(seed, stageAt(index).strategy().name(), index);
    }

    /** The phases as plain maps (strategy, start, count and its settings), for run.json. */
    public List<Map<String, Object>> describe() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Stage s : stages) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("strategy", s.strategy().name());
            m.put("start", s.start());
            m.put("count", s.count());
            m.putAll(new java.util.TreeMap<>(s.settings()));
            out.add(m);
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Stage s : stages) {
            if (sb.length() > 0) {
                sb.append(", then ");
            }
            sb.append(String.format(Locale.ROOT, "%s %d", s.strategy().name(), s.count()));
            if (!s.settings().isEmpty()) {
                sb.append(' ').append(new java.util.TreeMap<>(s.settings()));
            }
        }
        return sb.length() == 0 ? "an empty plan" : sb.toString();
    }

    /** Appends phases in order; each strategy learns the index its phase starts at. */
    public static final class Builder {
        private final SearchSpaceConfig config;
        private final List<Stage> stages = new ArrayList<>();
        private long next;

        private Builder(SearchSpaceConfig config) {
            if (config == null) {
                throw new IllegalArgumentException("a search plan needs a search-space config");
            }
            this.config = config;
        }

        /** {@code count} random samples. */
        public Builder random(long count) {
            return add(count, start -> new RandomSampling(config), Map.of());
        }

        /** {@code count} perturbations, with probability p, of the best result before this phase. */
        public Builder perturbBest(long count, double p) {
            return add(count, start -> new PerturbBest(config, start, p), Map.of("probability", p));
        }

        /** {@code count} steps of greedy hill-climbing with perturbation probability p. */
        public Builder hillClimb(long count, double p) {
            return add(count, start -> new HillClimbing(config, start, p), Map.of("probability", p));
        }

        /** {@code count} results of regularized evolution with the default P, S and p (20, 5, 0.05). */
        public Builder evolution(long count) {
            return evolution(count, RegularizedEvolution.DEFAULT_POPULATION, RegularizedEvolution.DEFAULT_TOURNAMENT,
                    RegularizedEvolution.DEFAULT_PROBABILITY);
        }

        /**
         * {@code count} results of regularized evolution, the first {@code population} of which are the random
         * initial population; so count must exceed the population.
         */
        public Builder evolution(long count, int population, int tournament, double p) {
            if (count <= population) {
                throw new IllegalArgumentException("an evolution phase of " + count + " results with population "
                        + population + " would never evolve: its first " + population
                        + " results are the random initial population, so it needs more than that");
            }
            return add(count, start -> new RegularizedEvolution(config, start, population, tournament, p),
                    Map.of("population", population, "tournament", tournament, "probability", p));
        }

        /**
         * {@code count} random samples scored by successive halving: all on a few validation images, the best
         * 1/eta on eta times as many, and so on, only the last round's survivors on the whole set.
         */
        public Builder random(long count, SuccessiveHalving.Settings halving) {
            if (halving == null) {
                return random(count);
            }
            add(count, start -> new RandomSampling(config), Map.of("halvingEta", halving.eta(),
                    "halvingMinImages", halving.minImages()));
            Stage last = stages.remove(stages.size() - 1);
            stages.add(new Stage(last.strategy(), last.start(), last.count(), last.settings(), halving));
            return this;
        }

        /** A phase of any strategy; {@code factory} gets the index the phase starts at. */
        public Builder add(long count, LongFunction<SearchStrategy> factory, Map<String, Object> settings) {
            if (count < 1) {
                throw new IllegalArgumentException("a search phase needs at least one result, got " + count);
            }
            SearchStrategy strategy = factory.apply(next);
            stages.add(new Stage(strategy, next, count, settings));
            next += count;
            return this;
        }

        public SearchPlan build() {
            if (stages.isEmpty()) {
                throw new IllegalArgumentException("a search plan needs at least one phase");
            }
            return new SearchPlan(config, stages);
        }
    }
}
