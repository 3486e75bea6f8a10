package org.smash4j.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Perturbation (spec 6) with the fixes of bugs 13 and 14: results are always valid. */
class PerturberTest {

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "quick", "paper"})
    void zeroProbabilityReturnsAnEqualArchitecture(String preset) {
        SearchSpaceConfig c = Presets.byName(preset);
        Sampler sampler = new Sampler(c);
        Perturber perturber = new Perturber(c);
        SplittableRandom rng = new SplittableRandom(21);
        for (int i = 0; i < 1000; i++) {
            AnnealingState state = i % 2 == 0 ? AnnealingState.finalState(c) : AnnealingState.initialState();
            Architecture base = sampler.sample(state, rng);
            assertEquals(base, perturber.perturb(base, 0.0, state, rng));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"tiny", "quick", "paper"})
    void probabilityOneGivesValidDifferentArchitectures(String preset) {
        SearchSpaceConfig c = Presets.byName(preset);
        Sampler sampler = new Sampler(c);
        Perturber perturber = new Perturber(c);
        AnnealingState state = AnnealingState.finalState(c);
        SplittableRandom rng = new SplittableRandom(22);
        int equal = 0;
        for (int i = 0; i < 10_000; i++) {
            Architecture base = sampler.sample(state, rng);
            Architecture next = perturber.perturb(base, 1.0, state, rng);
            assertValid(c, next);
            assertSameBankSizes(base, next);
            equal += next.equals(base) ? 1 : 0;
        }
        assertTrue(equal <= 10, equal + " of 10,000 perturbations with p = 1 left the architecture unchanged");
    }

    /**
     * Chains of perturbations (as in hill climbing, each step perturbs the previous result) stay valid, and
     * the repair paths are really taken: kept reads of banks that earlier re-drawn writes no longer allocate,
     * kept writes that must be remapped, and ops dropped because the budget ran out.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tiny", "quick", "paper"})
    void tenThousandChainedPerturbationsStayValid(String preset) {
        SearchSpaceConfig c = Presets.byName(preset);
        Sampler sampler = new Sampler(c);
        Perturber perturber = new Perturber(c);
        AnnealingState state = AnnealingState.finalState(c);
        SplittableRandom rng = new SplittableRandom(23);
        double[] ps = {0.05, 0.3, 0.6};
        int staleReads = 0;
        int skippingWrites = 0;
        int droppedOps = 0;
        Architecture current = null;
        for (int i = 0; i < 10_000; i++) {
            if (i % 50 == 0) {
                current = sampler.sample(state, rng);
            }
            Architecture next = perturber.perturb(current, ps[i % 3], state, rng);
            assertValid(c, next);
            assertSameBankSizes(current, next);
            for (int b = 0; b < 3; b++) {
                Block before = current.blocks().get(b);
                Block after = next.blocks().get(b);
                int bs = before.bankSize();
                int r = c.geometry().blockInput(b) / (bs * c.n());
                for (int o = 0; o < after.ops().size(); o++) {
                    final int written = r;
                    Op old = before.ops().get(o);
                    if (old.reads().stream().anyMatch(x -> x >= written)) {
                        staleReads++;
                    }
                    // Kept as they are, these writes would skip bank R when allocating.
                    if (old.writes().stream().filter(x -> x >= written).anyMatch(x -> x > written)
                            && old.writes().stream().noneMatch(x -> x == written)) {
                        skippingWrites++;
                    }
                    r += (int) after.ops().get(o).writes().stream().filter(x -> x >= written).count();
                }
                if (after.ops().size() < before.ops().size()) {
                    droppedOps++;
                    // Ops are only dropped once not even the cheapest op fits the full budget any more.
                    int used = ArchitectureRules.usedSlices(c, next)[b];
                    int minCost = bs % c.depthCompression() == 0 ? bs / c.depthCompression() : bs;
                    assertTrue(c.geometry().budgetSlices(b) - used < minCost,
                            "block " + b + " dropped ops with " + used + " of " + c.geometry().budgetSlices(b)
                                    + " slices used");
                }
                assertTrue(after.ops().size() <= before.ops().size(), "perturbation never adds ops");
            }
            current = next;
        }
        assertTrue(staleReads > 0, "no op ever read a bank that was no longer allocated");
        assertTrue(skippingWrites > 0, "no kept write list ever needed remapping");
        assertTrue(droppedOps > 0, "no op was ever dropped");
    }

    /**
     * Bug 13: bases whose 3x3 convs all dilate by the largest amount allowed for 3x3 (3 in quick). When a
     * kernel grows to 5 or 7 the original kept dilation 3; here every result must stay within
     * maxDilation (5 -> 2, 7 -> 1), and the test makes sure kernels did grow.
     */
    @Test
    void kernelChangesRedrawDilations() {
        SearchSpaceConfig c = Presets.quick();
        assertEquals(3, c.maxDilation(3));
        Sampler sampler = new Sampler(c);
        Perturber perturber = new Perturber(c);
        AnnealingState state = AnnealingState.finalState(c);
        SplittableRandom rng = new SplittableRandom(24);
        int grown = 0;
        for (int i = 0; i < 10_000; i++) {
            Architecture base = withConvs(sampler.sample(state, rng), new ConvSpec(3, 3, 3, 3, 1));
            if (i < 100) {
                assertValid(c, base);
            }
            Architecture next = perturber.perturb(base, 0.5, state, rng);
            assertValid(c, next);
            for (Block b : next.blocks()) {
                for (Op op : b.ops()) {
                    ConvSpec s = op.convs().get(0);
                    if (s.kernelH() > 3) {
                        grown++;
                        assertTrue(s.dilationH() <= (s.kernelH() == 5 ? 2 : 1), "dilation " + s);
                    }
                }
            }
        }
        assertTrue(grown > 1000, "only " + grown + " kernels grew");
    }

    /**
     * Bug 14: a base whose ops are as narrow as possible (g = bs = 1) with a single write each. Re-drawn
     * widths are almost always 2 (n_read = 2), so kept writes would leave chunk 1 unwritten; the fix
     * re-samples them. quick's block budgets are 10, 19, 35 slices; each op reads banks 0 and 1 (1 slice).
     */
    @Test
    void widerOpsGetEnoughWrites() {
        SearchSpaceConfig c = Presets.quick();
        List<Block> blocks = new ArrayList<>();
        int[] budget = {10, 19, 35};
        for (int b = 0; b < 3; b++) {
            List<Op> ops = new ArrayList<>();
            for (int o = 0; o < budget[b]; o++) {
                ops.add(new Op(List.of(0, 1), List.of(o % 2), 1, ConvPattern.SINGLE, List.of(ConvSpec.plain3x3())));
            }
            blocks.add(new Block(1, ops));
        }
        Architecture base = new Architecture(blocks);
        assertValid(c, base);
        Perturber perturber = new Perturber(c);
        AnnealingState state = AnnealingState.finalState(c);
        SplittableRandom rng = new SplittableRandom(25);
        int widened = 0;
        for (int i = 0; i < 2_000; i++) {
            Architecture next = perturber.perturb(base, 0.1, state, rng);
            assertValid(c, next);
            for (Block b : next.blocks()) {
                for (Op op : b.ops()) {
                    if (op.width() > 1) {
                        widened++;
                        assertTrue(op.writes().size() >= op.width(), "op " + op + " leaves chunks unwritten");
                    }
                }
            }
        }
        // About 0.1 x 64 ops x 2,000 perturbations get a new width, nearly all of them 2.
        assertTrue(widened > 10_000, "only " + widened + " ops got wider");
    }

    @Test
    void remapSendsKeptWritesOfUnallocatedBanksToTheFirstFreeBanks() {
        // Written banks 0..3: 2 stays, 5 and 6 become the next free banks 4 and 5.
        assertEquals(List.of(2, 4, 5), Perturber.remapUnwritten(List.of(2, 5, 6), 4));
        // Bank 3 is the first free bank already; nothing changes.
        assertEquals(List.of(0, 3), Perturber.remapUnwritten(List.of(0, 3), 3));
        // More banks written than in the base: former new banks are now plain writes.
        assertEquals(List.of(1, 4, 5), Perturber.remapUnwritten(List.of(1, 4, 5), 6));
    }

    @Test
    void rejectsBadArguments() {
        SearchSpaceConfig c = Presets.tiny();
        Perturber perturber = new Perturber(c);
        Architecture base = new Sampler(c).sample(AnnealingState.finalState(c), new SplittableRandom(1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> perturber.perturb(base, 1.5, AnnealingState.finalState(c), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("probability must be in [0, 1], got 1.5"), e.getMessage());
        Architecture wrongBanks = new Architecture(List.of(new Block(3, List.of()), new Block(1, List.of()),
                new Block(1, List.of())));
        e = assertThrows(IllegalArgumentException.class,
                () -> perturber.perturb(wrongBanks, 0.1, AnnealingState.finalState(c), new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("block 0 of the base has bank size 3"), e.getMessage());
    }

    private static Architecture withConvs(Architecture a, ConvSpec spec) {
        List<Block> blocks = new ArrayList<>();
        for (Block b : a.blocks()) {
            List<Op> ops = new ArrayList<>();
            for (Op op : b.ops()) {
                ops.add(new Op(op.reads(), op.writes(), op.width(), op.pattern(), List.of(spec)));
            }
            blocks.add(new Block(b.bankSize(), ops));
        }
        return new Architecture(blocks);
    }

    private static void assertValid(SearchSpaceConfig c, Architecture a) {
        List<String> problems = ArchitectureRules.violations(c, a);
        assertTrue(problems.isEmpty(), () -> a + " breaks " + problems);
    }

    private static void assertSameBankSizes(Architecture a, Architecture b) {
        for (int i = 0; i < 3; i++) {
            assertEquals(a.blocks().get(i).bankSize(), b.blocks().get(i).bankSize(), "bank sizes never change");
        }
    }
}
