package org.smash4j.cli;

import org.smash4j.backend.BackendInfo;
import org.smash4j.backend.ConvCheck;
import org.smash4j.backend.IsaSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code smash kernels}: the kernel check's verdict for this machine, per setting, and what this process runs. */
@Command(name = "kernels", mixinStandardHelpOptions = true,
        description = {"Which vector instruction sets libtorch's kernels use on this CPU, and why: every setting "
                + "(no cap, AVX2, AVX, SSE4.1) is checked in a child process, float32 convs against float64 on the "
                + "project's shapes, and the fastest correct one is used. The verdict is cached per CPU model and "
                + "library version; SMASH_ISA=NAME forces a setting."})
final class KernelsCommand implements Callable<Integer> {
    @Option(names = "--recheck", description = "Run the check again instead of reading the cached verdict.")
    boolean recheck;

    @Override
    public Integer call() throws Exception {
        IsaSelection.Verdict v = IsaSelection.forThisMachine().resolve(System.getenv(IsaSelection.OVERRIDE_VAR),
                recheck, System.err);
        System.out.println(v.line());
        for (IsaSelection.Probe p : v.probes()) {
            System.out.printf(Locale.ROOT, "  %-62s %s%n", p.candidate().describe(), p.passed()
                    ? String.format(Locale.ROOT, "correct, worst normwise error %.1e (tolerance %.0e), convs %.2f s",
                            p.worstError(), ConvCheck.TOLERANCE, p.float32Seconds())
                    : "WRONG" + (p.failure() != null ? ": " + p.failure() : ""));
        }
        System.out.println("this process: " + BackendInfo.current());
        return 0;
    }
}
