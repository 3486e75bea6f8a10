package org.smash4j.report;

import org.smash4j.space.Architecture;

import java.util.List;

/**
 * Everything the HTML and Markdown writers show, worked out once by {@link ReportWriter} so that the two
 * documents cannot disagree.
 *
 * @param contents            what the run folder holds
 * @param summary             the key numbers
 * @param top                 the best-ranked architectures (at most {@link ReportWriter#TOP})
 * @param oneShotPlots        loss and error curves of the one-shot training (empty without data)
 * @param searchPlots         histogram, score vs params and MACs, progress (empty without data)
 * @param winnerArchitecture  the winner's architecture, or null
 * @param diagram             the winner's architecture diagram, or null
 * @param description         the winner's text description (layers and costs), or null
 * @param winnerTrainingPlots the winner's stand-alone loss and error curves (empty without data)
 * @param comparisonPlot      searched vs random test errors, or null
 * @param notes               remarks on what could not be drawn and why
 * @param transfers           transfers of the winner to other data (RUN/transfers/), by folder name
 */
record ReportParts(RunContents contents, RunSummary summary, List<RankedRow> top,
        List<ReportPlots.Plot> oneShotPlots, List<ReportPlots.Plot> searchPlots, Architecture winnerArchitecture,
        ReportPlots.Plot diagram, String description, List<ReportPlots.Plot> winnerTrainingPlots,
        ReportPlots.Plot comparisonPlot, List<String> notes, List<TransferRun> transfers) {
    ReportParts {
        top = List.copyOf(top);
        oneShotPlots = List.copyOf(oneShotPlots);
        searchPlots = List.copyOf(searchPlots);
        winnerTrainingPlots = List.copyOf(winnerTrainingPlots);
        notes = List.copyOf(notes);
        transfers = List.copyOf(transfers);
    }

    /** Every plot that exists, in the order of the report. */
    List<ReportPlots.Plot> allPlots() {
        List<ReportPlots.Plot> out = new java.util.ArrayList<>(oneShotPlots);
        out.addAll(searchPlots);
        if (diagram != null) {
            out.add(diagram);
        }
        out.addAll(winnerTrainingPlots);
        if (comparisonPlot != null) {
            out.add(comparisonPlot);
        }
        return out;
    }

    /** "2/1/2": ops per block of an architecture. */
    static String opsPerBlock(Architecture a) {
        if (a == null) {
            return Formats.UNKNOWN;
        }
        StringBuilder sb = new StringBuilder();
        for (int b = 0; b < a.blocks().size(); b++) {
            sb.append(b == 0 ? "" : "/").append(a.blocks().get(b).ops().size());
        }
        return sb.toString();
    }
}
