package org.smash4j.backend;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The selection's rules with stand-in probes (no libtorch): choice, tie rule, failure, cache and override. */
class IsaSelectionTest {
    @TempDir
    Path tmp;

    private static final CpuInfo AVX512 = new CpuInfo("Test CPU 512", Set.of("avx", "avx2", "fma", "avx512f",
            "avx512bw", "avx512vl", "avx512dq", "sse4_1"));
    private static final CpuInfo AVX2 = new CpuInfo("Test CPU 2", Set.of("avx", "avx2", "fma", "sse4_1"));

    /** A probe that passes with the given seconds, or fails when seconds is NaN. */
    private static Function<IsaCandidate, IsaSelection.Probe> probes(Map<String, Double> seconds, List<String> calls) {
        return c -> {
            calls.add(c.name());
            double s = seconds.get(c.name());
            double err = Double.isNaN(s) ? 0.3 : 1e-6;
            ConvCheck.CaseResult r = new ConvCheck.CaseResult("case", err, err, err);
            return IsaSelection.Probe.of(c, new ConvCheck.Result(List.of(r), Double.isNaN(s) ? 1 : s));
        };
    }

    private IsaSelection selection(CpuInfo cpu, Map<String, Double> seconds, List<String> calls) {
        return new IsaSelection(cpu, "djl x, libtorch y", tmp, probes(seconds, calls));
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream());
    }

    @Test
    void candidatesFollowTheCpu() {
        assertEquals(List.of("native", "avx2", "avx", "sse41"),
                IsaCandidate.forCpu(AVX512).stream().map(IsaCandidate::name).toList());
        assertEquals("avx512", IsaCandidate.forCpu(AVX512).get(0).atenLevel());
        // Without AVX-512 an AVX2 cap would equal no cap, so it is not checked twice.
        assertEquals(List.of("native", "avx", "sse41"),
                IsaCandidate.forCpu(AVX2).stream().map(IsaCandidate::name).toList());
        assertEquals("avx2", IsaCandidate.forCpu(AVX2).get(0).atenLevel());
        assertEquals(Map.of("DNNL_MAX_CPU_ISA", "AVX", "ATEN_CPU_CAPABILITY", "avx2"),
                IsaCandidate.forCpu(AVX2).get(1).environment());
    }

    @Test
    void theFastestCorrectSettingWinsAndAWrongOneNever() throws Exception {
        List<String> calls = new ArrayList<>();
        IsaSelection.Verdict v = selection(AVX512, Map.of("native", Double.NaN, "avx2", 1.0, "avx", 0.8,
                "sse41", 2.0), calls).resolve(null, false, quiet());
        assertEquals("avx", v.chosen().name(), "native is wrong, avx is fastest of the rest");
        assertTrue(v.correct());
        assertEquals(List.of("native", "avx2", "avx", "sse41"), calls, "every candidate is checked");
        assertTrue(v.line().contains("native FAILED"), v.line());
    }

    @Test
    void withinFivePercentTheWiderSettingIsKept() throws Exception {
        IsaSelection.Verdict v = selection(AVX512, Map.of("native", 1.04, "avx2", 1.0, "avx", 1.3, "sse41", 2.0),
                new ArrayList<>()).resolve(null, false, quiet());
        assertEquals("native", v.chosen().name());
        v = new IsaSelection(AVX512, "other libs", tmp.resolve("b"), probes(Map.of("native", 1.10, "avx2", 1.0,
                "avx", 1.3, "sse41", 2.0), new ArrayList<>())).resolve(null, false, quiet());
        assertEquals("avx2", v.chosen().name());
    }

    @Test
    void whenNothingIsCorrectTheVerdictSaysSo() throws Exception {
        IsaSelection.Verdict v = selection(AVX2, Map.of("native", Double.NaN, "avx", Double.NaN,
                "sse41", Double.NaN), new ArrayList<>()).resolve(null, false, quiet());
        assertFalse(v.correct());
        assertTrue(v.line().contains("WARNING"), v.line());
    }

    @Test
    void theVerdictIsCachedPerCpuAndLibrariesAndRecheckRedoesIt() throws Exception {
        List<String> calls = new ArrayList<>();
        Map<String, Double> secs = Map.of("native", 1.0, "avx", 1.5, "sse41", 2.0);
        IsaSelection.Verdict first = selection(AVX2, secs, calls).resolve(null, false, quiet());
        assertEquals("checked", first.source());
        IsaSelection.Verdict again = selection(AVX2, secs, calls).resolve(null, false, quiet());
        assertEquals("cached", again.source());
        assertEquals(first.chosen(), again.chosen());
        assertEquals(first.probes().size(), again.probes().size());
        assertEquals(3, calls.size(), "the cached verdict ran no probe");
        assertTrue(again.line().contains("checked " + first.checkedAt().substring(0, 10)), again.line());
        assertEquals("checked", selection(AVX2, secs, calls).resolve(null, true, quiet()).source());
        assertEquals(6, calls.size());
        // Another CPU model or other libraries get their own cache entry.
        assertNotEquals(selection(AVX2, secs, calls).cacheFile(), selection(AVX512, secs, calls).cacheFile());
        assertNotEquals(selection(AVX2, secs, calls).cacheFile(),
                new IsaSelection(AVX2, "djl z, libtorch y", tmp, null).cacheFile());
    }

    @Test
    void theOverrideSkipsTheCheckAndMustNameASettingOfThisCpu() throws Exception {
        List<String> calls = new ArrayList<>();
        IsaSelection.Verdict v = selection(AVX512, Map.of(), calls).resolve("avx", false, quiet());
        assertEquals("avx", v.chosen().name());
        assertEquals("override", v.source());
        assertTrue(calls.isEmpty());
        assertThrows(IllegalArgumentException.class, () -> selection(AVX2, Map.of(), calls).resolve("avx2", false,
                quiet()));
    }

    @Test
    void theCacheKeyDoesNotDependOnTheOrderFlagsWereGiven() {
        CpuInfo a = new CpuInfo("M", new java.util.LinkedHashSet<>(List.of("avx2", "avx", "fma", "sse4_1")));
        CpuInfo b = new CpuInfo("M", new java.util.LinkedHashSet<>(List.of("sse4_1", "fma", "avx", "avx2")));
        assertEquals("[avx, avx2, fma, sse4_1]", a.vectorFlags().toString());
        assertEquals(new IsaSelection(a, "l", tmp, null).cacheFile(), new IsaSelection(b, "l", tmp, null).cacheFile());
    }

    @Test
    void cpuinfoIsParsedForModelAndVectorFlags() {
        CpuInfo c = CpuInfo.parse("processor\t: 0\nmodel name\t: AMD EPYC 7B13\nflags\t\t: fpu sse4_1 avx avx2 fma "
                + "sha_ni\n\nprocessor\t: 1\nmodel name\t: other\nflags\t\t: avx512f\n");
        assertEquals("AMD EPYC 7B13", c.model());
        assertEquals(Set.of("sse4_1", "avx", "avx2", "fma"), c.vectorFlags());
        assertEquals("AMD EPYC 7B13 (AVX, AVX2)", c.toString());
        assertFalse(c.hasAvx512());
    }

    @Test
    void theErrorMeasureFlagsNaNInfinityAndLargeErrors() {
        double[] truth = {1, -2, 3, 0.5};
        assertEquals(0, ConvCheck.relativeError(truth, truth));
        assertTrue(Double.isNaN(ConvCheck.relativeError(new double[] {1, Double.NaN, 3, 0.5}, truth)));
        assertTrue(Double.isNaN(ConvCheck.relativeError(new double[] {1, -2, Double.POSITIVE_INFINITY, 0.5}, truth)));
        double err = ConvCheck.relativeError(new double[] {1.2, -2, 3, 0.5}, truth);
        assertEquals(0.2 / Math.sqrt(1 + 4 + 9 + 0.25), err, 1e-12);
        assertFalse(new ConvCheck.CaseResult("c", 1e-6, err, 1e-6).passed());
        assertFalse(new ConvCheck.CaseResult("c", 1e-6, Double.NaN, 1e-6).passed());
        assertTrue(new ConvCheck.CaseResult("c", 1e-6, 2e-6, 1e-6).passed());
    }
}
