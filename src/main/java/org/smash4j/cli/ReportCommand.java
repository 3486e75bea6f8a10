package org.smash4j.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code smash report}: (re)write the report of a run folder. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write RUN/report/report.html (self-contained), summary.json, summary.md and the plots from "
                + "the files of a pipeline run folder (with the transfers in RUN/transfers/) or of a `smash transfer`"
                + " run (its result beside the source's); works on finished and half-finished runs.")
final class ReportCommand implements Callable<Integer> {
    @Parameters(paramLabel = "RUN", description = "A `smash run` or `smash transfer` folder.")
    Path run;

    @Override
    public Integer call() throws Exception {
        Path report = org.smash4j.report.ReportWriter.write(run);
        System.out.println("Report: " + report.toAbsolutePath());
        return 0;
    }
}
