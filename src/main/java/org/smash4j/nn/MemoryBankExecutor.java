package org.smash4j.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import org.smash4j.space.Block;
import org.smash4j.space.ConvPattern;
import org.smash4j.space.Op;

/**
 * The memory-bank semantics (spec 1.4, 4 step 2-4), shared by the one-shot and the stand-alone network,
 * which differ only in where each op's weights come from. Read = concatenate banks in ascending order;
 * write = allocate an empty bank or add to a written one, the j-th written bank receiving output chunk
 * j mod (width/bankSize); block output = concatenation of all banks.
 */
public final class MemoryBankExecutor {
    /** Computes an op's output (width*N channels) from its read banks, concatenated. */
    @FunctionalInterface
    public interface OpBody {
        NDArray apply(int opIndex, Op op, NDArray input);
    }

    /** Applies conv {@code convIndex} (0..3) of an op to its input. */
    @FunctionalInterface
    public interface ConvApplier {
        NDArray apply(int convIndex, NDArray input);
    }

    private final int n;

    /** @param n the base bank unit N in channels */
    public MemoryBankExecutor(int n) {
        this.n = n;
    }

    /** Number of banks of a block: enough for every written index and for the block input (spec 4 step 2). */
    public static int bankCount(Block block, int inputChannels, int n) {
        int count = inputChannels / (block.bankSize() * n);
        for (Op op : block.ops()) {
            for (int w : op.writes()) {
                count = Math.max(count, w + 1);
            }
        }
        return count;
    }

    /**
     * Runs a block. The input is cut into banks of bankSize*N channels; channels left over are dropped, as in
     * the original (spec bug 16: the paper does not mention it; architectures whose block input is not a
     * multiple of the bank size lose those channels, which both networks do identically).
     */
    public NDArray run(Block block, NDArray input, OpBody body) {
        return run(block, input, body, null);
    }

    /**
     * Runs a block with path dropout: writes the mask drops are skipped, and an op none of whose writes is kept is not
     * computed ({@link PathMask} defines the paths and keeps every read bank non-empty). A null mask keeps all.
     */
    public NDArray run(Block block, NDArray input, OpBody body, PathMask mask) {
        int bankChannels = block.bankSize() * n;
        int inputChannels = (int) input.getShape().get(1);
        NDArray[] banks = new NDArray[bankCount(block, inputChannels, n)];
        for (int i = 0; i < inputChannels / bankChannels; i++) {
            banks[i] = Layers.channels(input, (long) i * bankChannels, (long) (i + 1) * bankChannels);
        }
        for (int o = 0; o < block.ops().size(); o++) {
            Op op = block.ops().get(o);
            if (mask != null && !mask.runs(o)) {
                continue;
            }
            NDArray read = concat(banks, op, o);
            NDArray out = body.apply(o, op, read);
            int chunks = op.width() / block.bankSize();
            for (int j = 0; j < op.writes().size(); j++) {
                if (mask != null && !mask.keeps(o, j)) {
                    continue;
                }
                int w = op.writes().get(j);
                int c = j % chunks;
                NDArray chunk = chunks == 1 ? out : Layers.channels(out, (long) c * bankChannels,
                        (long) (c + 1) * bankChannels);
                banks[w] = banks[w] == null ? chunk : banks[w].add(chunk);
            }
        }
        for (int i = 0; i < banks.length; i++) {
            if (banks[i] == null) {
                throw new IllegalStateException("bank " + i + " is never written; invalid architecture");
            }
        }
        return banks.length == 1 ? banks[0] : NDArrays.concat(new NDList(banks), 1);
    }

    private static NDArray concat(NDArray[] banks, Op op, int opIndex) {
        NDList list = new NDList(op.reads().size());
        for (int r : op.reads()) {
            if (banks[r] == null) {
                throw new IllegalStateException("op " + opIndex + " reads bank " + r + ", which is not yet written");
            }
            list.add(banks[r]);
        }
        return list.size() == 1 ? list.get(0) : NDArrays.concat(list, 1);
    }

    /**
     * How the active convs of an op combine (spec 1.3), with h the op's 1x1-conv output: path A = W0 then W1,
     * path B = W2 then W3, summed.
     */
    public static NDArray combine(ConvPattern pattern, NDArray h, ConvApplier conv) {
        switch (pattern) {
            case SINGLE:
                return conv.apply(0, h);
            case PARALLEL:
                return conv.apply(0, h).add(conv.apply(2, h));
            case SERIAL:
                return conv.apply(1, conv.apply(0, h));
            case SERIAL_PARALLEL:
                return conv.apply(1, conv.apply(0, h)).add(conv.apply(2, h));
            case DOUBLE_SERIAL:
                return conv.apply(1, conv.apply(0, h)).add(conv.apply(3, conv.apply(2, h)));
            default:
                throw new IllegalArgumentException("unknown pattern " + pattern);
        }
    }
}
