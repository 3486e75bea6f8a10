package org.smash4j.encoding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Test-side description of what one op must show in c, written by hand from spec 3.1 (rows, read regions and
 * field values), and its translation into the set of +1 cells. The encoder is checked against these sets, so
 * this file deliberately shares no code with it; only channel numbers come from {@link EncodingLayout}, whose
 * offsets {@code EncodingLayoutTest} pins to hand-computed values.
 */
final class HandMarks {
    private HandMarks() {
    }

    /** One (channel, row, column) cell of c. */
    record Cell(int ch, int row, int col) {
    }

    /** The p-th read of an op: which bank, and the columns [from, to) it owns. */
    record Region(int bank, int from, int to) {
    }

    /** One active conv: its index (0..3 = W0..W3) and field values. */
    record Conv(int conv, int dh, int dw, int kh, int kw, int groups) {
    }

    /** One op's marks: rows [0, rows), one region per read (in read order), and its op-level values. */
    record HandOp(int rows, List<Region> regions, List<Integer> writes, int block, int width, List<Conv> convs) {
        List<Integer> reads() {
            return regions.stream().map(Region::bank).toList();
        }

        /** The op as shown with {@code kind}'s value taken from {@code donor}, per the rules of CorruptionKind. */
        HandOp withFieldOf(CorruptionKind kind, HandOp donor) {
            switch (kind) {
                case READS: {
                    List<Region> rs = new ArrayList<>();
                    for (int p = 0; p < regions.size(); p++) {
                        Region own = regions.get(p);
                        rs.add(new Region(donor.reads().get(p % donor.reads().size()), own.from(), own.to()));
                    }
                    return new HandOp(rows, rs, writes, block, width, convs);
                }
                case WRITES:
                    return new HandOp(rows, regions, donor.writes(), block, width, convs);
                case WIDTH:
                    return new HandOp(rows, regions, writes, block, donor.width(), convs);
                default: {
                    List<Conv> cs = new ArrayList<>();
                    for (int j = 0; j < convs.size(); j++) {
                        Conv own = convs.get(j);
                        Conv d = donor.convs().get(j % donor.convs().size());
                        cs.add(switch (kind) {
                            case DILATION -> new Conv(own.conv(), d.dh(), d.dw(), own.kh(), own.kw(), own.groups());
                            case KERNEL -> new Conv(own.conv(), own.dh(), own.dw(), d.kh(), d.kw(), own.groups());
                            case GROUPS -> new Conv(own.conv(), own.dh(), own.dw(), own.kh(), own.kw(), d.groups());
                            default -> throw new IllegalStateException(kind.toString());
                        });
                    }
                    return new HandOp(rows, regions, writes, block, width, cs);
                }
            }
        }
    }

    static Region region(int bank, int from, int to) {
        return new Region(bank, from, to);
    }

    static Conv conv(int conv, int dh, int dw, int kh, int kw, int groups) {
        return new Conv(conv, dh, dw, kh, kw, groups);
    }

    /** The +1 cells of these ops in {@code layout}. */
    static Set<Cell> cells(EncodingLayout layout, List<HandOp> ops) {
        Set<Cell> out = new HashSet<>();
        for (HandOp op : ops) {
            List<Integer> opChannels = new ArrayList<>();
            op.writes().forEach(w -> opChannels.add(layout.writeChannel(w)));
            opChannels.add(layout.blockChannel(op.block()));
            opChannels.add(layout.widthChannel(op.width()));
            for (Conv c : op.convs()) {
                opChannels.add(layout.dilationHChannel(c.conv(), c.dh()));
                opChannels.add(layout.dilationWChannel(c.conv(), c.dw()));
                if (layout.has(EncodingField.KERNEL)) {
                    opChannels.add(layout.kernelHChannel(c.conv(), c.kh()));
                    opChannels.add(layout.kernelWChannel(c.conv(), c.kw()));
                }
                if (layout.has(EncodingField.ACTIVE_CONVS)) {
                    opChannels.add(layout.activeConvChannel(c.conv()));
                }
                if (layout.has(EncodingField.GROUPS)) {
                    opChannels.add(layout.groupsChannel(c.conv(), c.groups()));
                }
            }
            for (Region r : op.regions()) {
                List<Integer> chs = new ArrayList<>(opChannels);
                chs.add(layout.readChannel(r.bank()));
                for (int ch : chs) {
                    for (int row = 0; row < op.rows(); row++) {
                        for (int col = r.from(); col < r.to(); col++) {
                            out.add(new Cell(ch, row, col));
                        }
                    }
                }
            }
        }
        return out;
    }

    /** The +1 cells of {@code c}, after checking that every value is exactly -1 or +1. */
    static Set<Cell> plusCells(Encoding c) {
        Set<Cell> out = new HashSet<>();
        for (int ch = 0; ch < c.channels(); ch++) {
            for (int row = 0; row < c.height(); row++) {
                for (int col = 0; col < c.width(); col++) {
                    float v = c.get(ch, row, col);
                    if (v == 1f) {
                        out.add(new Cell(ch, row, col));
                    } else if (v != -1f) {
                        throw new AssertionError("cell " + new Cell(ch, row, col) + " holds " + v + ", not +-1");
                    }
                }
            }
        }
        return out;
    }
}
