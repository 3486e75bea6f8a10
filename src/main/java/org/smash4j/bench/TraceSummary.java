package org.smash4j.bench;

import org.smash4j.run.Json;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of a libtorch profiler trace (chrome://tracing JSON) goes: each operator's self time (its
 * duration less that of the operators it called, nested by time on each thread), summed by operator name.
 */
public final class TraceSummary {
    /** One operator name's totals. */
    public record Row(String name, long calls, double selfMs, double totalMs) {
    }

    private final List<Row> rows;
    private final double allSelfMs;

    private TraceSummary(List<Row> rows) {
        this.rows = rows;
        this.allSelfMs = rows.stream().mapToDouble(Row::selfMs).sum();
    }

    public List<Row> rows() {
        return rows;
    }

    public static TraceSummary read(Path trace) throws IOException {
        JsonNode root = Json.LINE.readTree(trace.toFile());
        JsonNode events = root.isArray() ? root : root.path("traceEvents");
        Map<String, List<double[]>> byThread = new HashMap<>();
        List<String> names = new ArrayList<>();
        for (JsonNode e : events) {
            if (!"X".equals(e.path("ph").asText()) || !e.has("dur")) {
                continue;
            }
            names.add(e.path("name").asText());
            byThread.computeIfAbsent(e.path("tid").asText(), k -> new ArrayList<>())
                    .add(new double[] {e.path("ts").asDouble(), e.path("dur").asDouble(), names.size() - 1});
        }
        Map<String, double[]> totals = new HashMap<>(); // calls, self, total (microseconds)
        for (List<double[]> list : byThread.values()) {
            list.sort(Comparator.<double[]>comparingDouble(a -> a[0]).thenComparing(a -> -a[1]));
            double[] self = new double[list.size()];
            int[] stack = new int[list.size()];
            int depth = 0;
            for (int i = 0; i < list.size(); i++) {
                double[] ev = list.get(i);
                while (depth > 0 && list.get(stack[depth - 1])[0] + list.get(stack[depth - 1])[1] <= ev[0]) {
                    depth--;
                }
                self[i] = ev[1];
                if (depth > 0) {
                    self[stack[depth - 1]] -= ev[1];
                }
                stack[depth++] = i;
            }
            for (int i = 0; i < list.size(); i++) {
                double[] t = totals.computeIfAbsent(names.get((int) list.get(i)[2]), k -> new double[3]);
                t[0]++;
                t[1] += self[i];
                t[2] += list.get(i)[1];
            }
        }
        List<Row> rows = new ArrayList<>();
        totals.forEach((name, t) -> rows.add(new Row(name, (long) t[0], t[1] / 1000, t[2] / 1000)));
        rows.sort(Comparator.comparingDouble(Row::selfMs).reversed());
        return new TraceSummary(rows);
    }

    /** The {@code top} operators by self time with their share of all self time. */
    public void print(PrintStream out, int top) {
        out.printf(Locale.ROOT, "  %-44s %8s %10s %6s %10s%n", "operator", "calls", "self ms", "self%", "total ms");
        for (Row r : rows.subList(0, Math.min(top, rows.size()))) {
            out.printf(Locale.ROOT, "  %-44s %8d %10.1f %5.1f%% %10.1f%n", r.name(), r.calls(), r.selfMs(),
                    100 * r.selfMs() / allSelfMs, r.totalMs());
        }
        out.printf(Locale.ROOT, "  all operators: %.1f ms self time%n", allSelfMs);
    }
}
