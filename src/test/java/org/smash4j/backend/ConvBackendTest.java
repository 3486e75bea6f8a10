package org.smash4j.backend;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Float32 convolutions against float64 ones (ATen's reference path, not oneDNN) on the project's shapes: the
 * output, the input gradient and the weight gradient. libtorch 2.7.1's oneDNN has returned NaN or gradients
 * 20-40% off with its AVX-512 kernels on one AMD CPU and been right on others, so the kernel setting is chosen
 * per machine by {@link IsaSelection}; these tests check that the setting this JVM runs with is right, and run
 * the check under every setting this CPU can run.
 */
class ConvBackendTest {
    @Test
    void thisProcessKernelsMatchFloat64OnAllThreeQuantities() {
        ConvCheck.Result r = ConvCheck.run(ConvCheck.projectCases(), 2, 7);
        assertEquals(ConvCheck.projectCases().size(), r.cases().size());
        for (ConvCheck.CaseResult c : r.cases()) {
            assertTrue(c.passed(), String.format(Locale.ROOT, "%s: float32 vs float64 normwise errors: output %.3g, "
                    + "input gradient %.3g, weight gradient %.3g (NaN: non-finite values); this JVM runs with %s",
                    c.name(), c.output(), c.inputGradient(), c.weightGradient(), BackendInfo.current()));
        }
    }

    @Test
    void everySettingThisCpuCanRunIsCheckedAndTheChoiceIsACorrectOne() {
        CpuInfo cpu = CpuInfo.current();
        List<IsaCandidate> candidates = IsaCandidate.forCpu(cpu);
        List<IsaSelection.Probe> probes = candidates.stream().map(ChildProbe::run).toList();
        StringBuilder table = new StringBuilder("kernel settings on " + cpu + ":\n");
        for (IsaSelection.Probe p : probes) {
            table.append(String.format(Locale.ROOT, "  %-62s %s%n", p.candidate().describe(), p.passed()
                    ? String.format(Locale.ROOT, "correct, worst error %.2g, convs %.2f s", p.worstError(),
                            p.float32Seconds()) : "WRONG " + (p.failure() != null ? p.failure() : p.cases())));
        }
        System.out.print(table);
        for (IsaSelection.Probe p : probes) {
            // A wrong setting is the machine's fault and is what the selection avoids; a check that did not run is
            // this project's.
            assertNull(p.failure(), p.candidate().describe() + ": " + p.failure());
            assertEquals(ConvCheck.projectCases().size(), p.cases().size(), p.candidate().describe());
            for (ConvCheck.CaseResult c : p.cases()) {
                for (double e : new double[] {c.output(), c.inputGradient(), c.weightGradient()}) {
                    assertTrue(Double.isNaN(e) || e >= 0, c.name() + " has no error figure: " + e);
                }
            }
        }
        IsaSelection.Verdict v = new IsaSelection(cpu, "test", null, null).choose(probes);
        assertTrue(v.correct(), "no kernel setting computes float32 convs correctly on this CPU:\n" + table);
        assertTrue(probes.stream().anyMatch(p -> p.candidate().equals(v.chosen()) && p.passed()), v.line());
    }
}
