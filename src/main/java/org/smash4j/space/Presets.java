package org.smash4j.space;

import java.util.List;
import java.util.Locale;

/**
 * Named search-space configurations. {@code tiny} makes a training step take milliseconds (tests);
 * {@code quick} fits Fashion-MNIST (28x28x1) on two CPU cores; {@code paper} is the original's CLI
 * defaults on CIFAR-sized input (32x32x3, 100 classes, as the paper's CIFAR-100 search).
 */
public final class Presets {
    private Presets() {
    }

    /** Preset names, in increasing size. */
    public static final List<String> NAMES = List.of("tiny", "quick", "paper");

    public static SearchSpaceConfig tiny() {
        return new SearchSpaceConfig(4, 8, 3, 1, 2, 2, 2, 2, 5, 2, OpMode.SINGLE, true, true, 0.3,
                1, 8, 10);
    }

    public static SearchSpaceConfig quick() {
        return new SearchSpaceConfig(8, 32, 4, 2, 4, 2, 2, 3, 7, 8, OpMode.SINGLE, true, true, 0.3,
                1, 28, 10);
    }

    public static SearchSpaceConfig paper() {
        return new SearchSpaceConfig(8, 64, 12, 4, 4, 2, 2, 3, 7, 8, OpMode.SINGLE, true, true, 0.3,
                3, 32, 100);
    }

    /** The preset with this name (case-insensitive). */
    public static SearchSpaceConfig byName(String name) {
        switch (name.toLowerCase(Locale.ROOT)) {
            case "tiny":
                return tiny();
            case "quick":
                return quick();
            case "paper":
                return paper();
            default:
                throw new IllegalArgumentException("unknown preset '" + name + "'; known presets: " + NAMES);
        }
    }
}
