package org.smash4j.space;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * An independent checker of the shared validity rules 1-6, written for the tests straight from the rule
 * text (it shares no code with the sampler or perturber), so that a sampler bug cannot hide behind a
 * helper it also uses. Returns every violation, each naming block, op and the broken rule.
 */
final class ArchitectureRules {
    private ArchitectureRules() {
    }

    static List<String> violations(SearchSpaceConfig c, Architecture a) {
        List<String> out = new ArrayList<>();
        if (a.blocks().size() != 3) {
            out.add("rule 1: " + a.blocks().size() + " blocks instead of 3");
            return out;
        }
        int n = c.n();
        int d = c.depthCompression();
        int k = c.k();
        SpaceGeometry g = c.geometry();
        for (int b = 0; b < 3; b++) {
            Block block = a.blocks().get(b);
            int bs = block.bankSize();
            if (!c.bankSizeChoices(b).contains(bs)) {
                out.add("rule 1: block " + b + " bank size " + bs + " not in " + c.bankSizeChoices(b));
                continue;
            }
            int r = g.blockInput(b) / (bs * n);
            int cap = Math.min(r + c.depth() * k / bs, g.maxBlockWidth(b) / (bs * n));
            int slices = 0;
            for (int o = 0; o < block.ops().size(); o++) {
                Op op = block.ops().get(o);
                String where = "block " + b + " op " + o + ": ";
                List<Integer> reads = op.reads();
                if (reads.isEmpty()) {
                    out.add(where + "rule 3: no reads");
                }
                for (int i = 0; i < reads.size(); i++) {
                    if (reads.get(i) < 0 || reads.get(i) >= r) {
                        out.add(where + "rule 3: reads bank " + reads.get(i) + ", which is not yet written (R=" + r + ")");
                    }
                    if (i > 0 && reads.get(i) <= reads.get(i - 1)) {
                        out.add(where + "rule 3: reads not strictly ascending " + reads);
                    }
                    if (reads.get(i) >= cap) {
                        out.add(where + "rule 2: read bank " + reads.get(i) + " >= cap " + cap);
                    }
                }
                if (reads.size() * bs % d != 0) {
                    out.add(where + "rule 3: " + reads.size() + " reads of bank size " + bs + " are not whole slices");
                }
                slices += reads.size() * bs / d;
                int w = op.width();
                if (w % bs != 0 || w < bs || w > k) {
                    out.add(where + "rule 3: width " + w + " not a multiple of " + bs + " in [" + bs + ", " + k + "]");
                }
                List<Integer> writes = op.writes();
                if (writes.isEmpty()) {
                    out.add(where + "rule 3: no writes");
                }
                if (new HashSet<>(writes).size() != writes.size()) {
                    out.add(where + "rule 3: duplicate writes " + writes);
                }
                if (bs > 0 && writes.size() < w / bs) {
                    out.add(where + "rule 3: " + writes.size() + " writes leave some of " + (w / bs) + " chunks unwritten");
                }
                int i = 0;
                int prev = -1;
                while (i < writes.size() && writes.get(i) < r) {
                    if (writes.get(i) < 0 || writes.get(i) <= prev) {
                        out.add(where + "rule 3: written banks not ascending " + writes);
                    }
                    prev = writes.get(i);
                    i++;
                }
                int fresh = 0;
                for (; i < writes.size(); i++) {
                    if (writes.get(i) != r + fresh) {
                        out.add(where + "rule 3: skipping a bank when allocating, writes " + writes + " with R=" + r);
                    }
                    if (writes.get(i) >= cap) {
                        out.add(where + "rule 2: write bank " + writes.get(i) + " >= cap " + cap);
                    }
                    fresh++;
                }
                r += fresh;
                ConvPattern p = op.pattern();
                boolean allowed = switch (c.opMode()) {
                    case SINGLE -> p == ConvPattern.SINGLE;
                    case BIG_OP -> p == ConvPattern.DOUBLE_SERIAL;
                    case VAR_OP -> true;
                };
                if (!allowed) {
                    out.add(where + "rule 5: pattern " + p + " not allowed in " + c.opMode());
                }
                if (op.convs().size() != p.activeCount()) {
                    out.add(where + "rule 5: " + op.convs().size() + " convs for " + p);
                    continue;
                }
                List<Integer> active = p.activeIndices();
                for (int j = 0; j < active.size(); j++) {
                    ConvSpec s = op.convs().get(j);
                    int conv = active.get(j);
                    int in = conv == 0 || conv == 2 ? c.bottleneckChannels(reads.size() * bs * n, w) : w * n;
                    checkConv(c, s, in, w * n, where + "conv W" + conv + ": ", out);
                }
            }
            if (slices > g.budgetSlices(b)) {
                out.add("block " + b + ": rule 4: " + slices + " slices > budget " + g.budgetSlices(b));
            }
        }
        return out;
    }

    private static void checkConv(SearchSpaceConfig c, ConvSpec s, int in, int outCh, String where, List<String> out) {
        for (int ks : new int[] {s.kernelH(), s.kernelW()}) {
            if (ks % 2 == 0 || ks < 3 || ks > c.maxKernel() || (!c.varKs() && ks != 3)) {
                out.add(where + "rule 6: kernel " + ks);
            }
        }
        if (s.dilationH() < 1 || s.dilationH() > c.maxDilation(s.kernelH())) {
            out.add(where + "rule 6: dilation h " + s.dilationH() + " for kernel " + s.kernelH());
        }
        if (s.dilationW() < 1 || s.dilationW() > c.maxDilation(s.kernelW())) {
            out.add(where + "rule 6: dilation w " + s.dilationW() + " for kernel " + s.kernelW());
        }
        int gr = s.groups();
        if (!c.groupChoices().contains(gr) || in % gr != 0 || outCh % gr != 0) {
            out.add(where + "rule 6: groups " + gr + " with " + in + " -> " + outCh + " channels");
        }
    }

    /** Slices used by each block. */
    static int[] usedSlices(SearchSpaceConfig c, Architecture a) {
        int[] used = new int[3];
        for (int b = 0; b < 3; b++) {
            Block block = a.blocks().get(b);
            for (Op op : block.ops()) {
                used[b] += op.reads().size() * block.bankSize() / c.depthCompression();
            }
        }
        return used;
    }
}
