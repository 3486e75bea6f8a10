package org.smash4j.train;

import org.smash4j.encoding.RowMarking;
import org.smash4j.nn.PositionChannels;

import java.util.List;
import java.util.Locale;

/**
 * The one-shot choices issue 10 measured, as named sets: {@code original} is the original code's (Adam eps 1e-4
 * everywhere, chosen there for float16; rows below the op width marked in c), {@code default} is what the
 * measurements chose (see the README, "Does the SMASH score rank architectures?"). Single choices can be
 * overridden on the command line.
 *
 * @param epsHyperNet     Adam eps of the HyperNet's parameters
 * @param lrScaleHyperNet the HyperNet's learning rate relative to the rest of the network
 * @param rowMarking      which rows of an op's slices c marks
 * @param positionChannels whether the HyperNet also reads where each position of c is ({@link PositionChannels})
 */
public record OneShotSettings(double epsHyperNet, double lrScaleHyperNet, RowMarking rowMarking,
        boolean positionChannels) {
    public static final List<String> NAMES = List.of("default", "original");

    public OneShotSettings {
        if (!(epsHyperNet > 0) || !(lrScaleHyperNet > 0) || rowMarking == null) {
            throw new IllegalArgumentException("HyperNet eps and learning-rate scale must be > 0 and a row marking given");
        }
    }

    /** The original's choices. */
    public static OneShotSettings original() {
        return new OneShotSettings(Adam.Settings.smash().eps(), 1.0, RowMarking.OP_WIDTH, false);
    }

    /** The choices measured best (issue 10). */
    public static OneShotSettings standard() {
        return new OneShotSettings(1e-8, 1.0, RowMarking.USED_UNITS, false);
    }

    public static OneShotSettings byName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "default" -> standard();
            case "original" -> original();
            default -> throw new IllegalArgumentException("unknown one-shot settings '" + name + "'; use " + NAMES);
        };
    }

    /** These settings with single choices overridden where not null. */
    public OneShotSettings override(Double eps, Double lrScale, RowMarking marking, Boolean position) {
        return new OneShotSettings(eps == null ? epsHyperNet : eps, lrScale == null ? lrScaleHyperNet : lrScale,
                marking == null ? rowMarking : marking, position == null ? positionChannels : position);
    }

    /** The original's Adam with these HyperNet settings. */
    public Adam.Settings adam() {
        return Adam.Settings.smash().withHyperNet(epsHyperNet, lrScaleHyperNet);
    }
}
