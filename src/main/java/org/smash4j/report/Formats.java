package org.smash4j.report;

import org.smash4j.space.ArchitectureDescription;

import java.util.Locale;

/**
 * How the report writes numbers, shared by the HTML and Markdown so both say the same thing: error fractions as
 * percentages, counts with k/M/G suffixes, durations as h/min/s, and a dash for anything not known.
 */
final class Formats {
    static final String UNKNOWN = "–";

    private Formats() {
    }

    /** 0.1234 -> "12.34%". */
    static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? UNKNOWN
                : String.format(Locale.ROOT, "%.2f%%", fraction * 100);
    }

    /** A spread of error fractions in percentage points: 0.0123 -> "1.23 pp". */
    static String points(Double fraction) {
        return fraction == null || fraction.isNaN() ? UNKNOWN
                : String.format(Locale.ROOT, "%.2f pp", fraction * 100);
    }

    /** A loss or other plain number with 4 significant decimals. */
    static String number(Double v) {
        return v == null || v.isNaN() ? UNKNOWN : String.format(Locale.ROOT, "%.4f", v);
    }

    /** A count with a unit suffix: 1234567 -> "1.23M". */
    static String count(Long v) {
        return v == null || v < 0 ? UNKNOWN : ArchitectureDescription.human(v);
    }

    /** A duration: 42.0 -> "42.0 s", 754 -> "12 min 34 s", 7384 -> "2 h 3 min". */
    static String seconds(Double s) {
        if (s == null || s.isNaN()) {
            return UNKNOWN;
        }
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long total = Math.round(s);
        if (total < 3600) {
            return String.format(Locale.ROOT, "%d min %d s", total / 60, total % 60);
        }
        return String.format(Locale.ROOT, "%d h %d min", total / 3600, total % 3600 / 60);
    }

    /** "1 epoch", "3 epochs". */
    static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    static String text(Object o) {
        return o == null ? UNKNOWN : o.toString();
    }
}
