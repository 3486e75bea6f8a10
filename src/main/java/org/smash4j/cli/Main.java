package org.smash4j.cli;

import org.smash4j.util.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

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
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call {@code execute} on it. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, line, parsed) -> {
            // One line for every failure; the stack trace only on request (see ExitCodes).
            line.getErr().println("error: " + ExitCodes.message(ex));
            if (System.getenv(ExitCodes.DEBUG_VARIABLE) != null) {
                ex.printStackTrace(line.getErr());
            }
            return ExitCodes.of(ex);
        });
        return cl;
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
