package org.smash4j.cli;

import org.smash4j.util.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;
import java.util.Map;

/** The {@code smash} command line: one sub-command per job, each with its own {@code --help}. */
@Command(name = "smash", mixinStandardHelpOptions = true, versionProvider = Main.VersionProvider.class,
        description = {"One-shot neural architecture search through HyperNetworks (SMASH, Brock et al. 2018).",
                "", "Train one HyperNet that generates the weights of any architecture of a memory-bank search "
                        + "space, rank sampled architectures by their validation error with generated weights, "
                        + "and train the best one from scratch.", ""},
        subcommands = {SpaceCommand.class, SampleCommand.class, DescribeCommand.class, TrainSmashCommand.class,
                TrainCommand.class, EvaluateCommand.class, SearchCommand.class, RunCommand.class,
                PredictCommand.class, ReportCommand.class, BenchCommand.class, ExperimentCommand.class,
                KernelsCommand.class, DiagnoseCommand.class, TransferCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        int code;
        try {
            code = commandLine().execute(args);
        } catch (Throwable e) {
            // Before a command runs (a class or native library that cannot load): still one line.
            PrintWriter err = new PrintWriter(System.err, true);
            code = fail(e, err);
        }
        System.exit(code);
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        return configure(new CommandLine(new Main()));
    }

    /**
     * Makes every failure of {@code cl}'s commands one line and an exit code ({@link ExitCodes}): exceptions through
     * picocli's handler, and JVM errors (out of memory, a native library that does not load), which picocli lets
     * through with their stack trace, through the execution strategy.
     */
    static CommandLine configure(CommandLine cl) {
        cl.setExecutionExceptionHandler((ex, line, parsed) -> fail(ex, line.getErr()));
        cl.setExecutionStrategy(parsed -> {
            try {
                return new CommandLine.RunLast().execute(parsed);
            } catch (Error e) {
                return fail(e, parsed.commandSpec().commandLine().getErr());
            }
        });
        return cl;
    }

    /** Prints the one line of {@code e} (and its stack trace when asked for, see ExitCodes) and returns its code. */
    private static int fail(Throwable e, PrintWriter err) {
        err.println("error: " + ExitCodes.message(e));
        if (System.getenv(ExitCodes.DEBUG_VARIABLE) != null) {
            e.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.of(e);
    }

    /** {@code --version}: every version a result depends on. */
    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return Versions.all().entrySet().stream().map((Map.Entry<String, String> e) -> e.getKey() + " "
                    + e.getValue()).toArray(String[]::new);
        }
    }
}
