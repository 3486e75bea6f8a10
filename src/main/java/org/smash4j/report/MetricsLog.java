package org.smash4j.report;

import java.util.List;
import java.util.Map;

/**
 * The step and epoch records of one {@code metrics.jsonl} (one-shot or stand-alone training), as read for the
 * report. A number a record lacks is {@code NaN}, so that a field a kind of run does not write (the one-shot run
 * has no test error) needs no special case downstream.
 *
 * @param steps  step records in file order
 * @param epochs epoch records in file order
 */
public record MetricsLog(List<Step> steps, List<Epoch> epochs) {
    public MetricsLog {
        steps = List.copyOf(steps);
        epochs = List.copyOf(epochs);
    }

    /** A log with no records: what an absent metrics file reads as. */
    public static MetricsLog empty() {
        return new MetricsLog(List.of(), List.of());
    }

    public boolean isEmpty() {
        return steps.isEmpty() && epochs.isEmpty();
    }

    /** The last epoch record, or null when no epoch has finished. */
    public Epoch lastEpoch() {
        return epochs.isEmpty() ? null : epochs.get(epochs.size() - 1);
    }

    /**
     * Training seconds over all epochs. A resumed run restarts its clock, which shows as a drop of
     * {@code elapsedSeconds}; the last value before each drop is the length of that segment, so the segments
     * are summed. NaN when no epoch record has the field.
     */
    public double trainingSeconds() {
        double total = 0;
        double segmentEnd = Double.NaN;
        boolean any = false;
        for (Epoch e : epochs) {
            if (Double.isNaN(e.elapsedSeconds())) {
                continue;
            }
            if (any && e.elapsedSeconds() < segmentEnd) {
                total += segmentEnd;
            }
            segmentEnd = e.elapsedSeconds();
            any = true;
        }
        return any ? total + segmentEnd : Double.NaN;
    }

    /** One step record: {@code {"type":"step","step":N,"epoch":f,"loss":f,"error":f,"lr":f,...}}. */
    public record Step(long step, double epoch, double loss, double error, double lr, double imagesPerSecond) {
    }

    /**
     * One epoch record. The one-shot run adds maxKernel and maxBudget (-1 when absent) and the conditioning
     * diagnostics (empty in runs older than them); the stand-alone run adds test loss and error, and the top-5 test
     * error on data sets with more than ten classes (NaN otherwise).
     *
     * @param diagnostics the record's {@link org.smash4j.train.ConditioningDiagnostics} metrics, by name
     */
    public record Epoch(int epoch, long step, double trainLoss, double trainError, double lr, double valLoss,
            double valError, double testLoss, double testError, double elapsedSeconds, int maxKernel,
            double maxBudget, Map<String, Double> diagnostics, double testTop5Error) {
        public Epoch {
            diagnostics = Map.copyOf(diagnostics);
        }

        /** A record without a top-5 error. */
        public Epoch(int epoch, long step, double trainLoss, double trainError, double lr, double valLoss,
                double valError, double testLoss, double testError, double elapsedSeconds, int maxKernel,
                double maxBudget, Map<String, Double> diagnostics) {
            this(epoch, step, trainLoss, trainError, lr, valLoss, valError, testLoss, testError, elapsedSeconds,
                    maxKernel, maxBudget, diagnostics, Double.NaN);
        }

        /** A record without diagnostics. */
        public Epoch(int epoch, long step, double trainLoss, double trainError, double lr, double valLoss,
                double valError, double testLoss, double testError, double elapsedSeconds, int maxKernel,
                double maxBudget) {
            this(epoch, step, trainLoss, trainError, lr, valLoss, valError, testLoss, testError, elapsedSeconds,
                    maxKernel, maxBudget, Map.of());
        }

        /** A diagnostic metric of this epoch, or NaN. */
        public double diagnostic(String name) {
            return diagnostics.getOrDefault(name, Double.NaN);
        }
    }
}
