package org.smash4j.data;

import java.io.BufferedInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal unpickler for numpy batch files such as ImageNet32x32's {@code train_data_batch_N}: python pickles
 * (protocols 2 to 4, as python 2's cPickle and python 3's pickle write them) of a dict with string keys whose
 * values are numpy arrays, lists of ints or ints. It knows only the opcodes python emits for such a dict and
 * rebuilds only numpy arrays, dtypes and integer scalars; any other opcode or global is refused with the file,
 * byte offset and reason, never executed.
 *
 * <p>Byte strings longer than the inline limit are not read: their position in the file is kept
 * ({@link PickledNumpy.Bytes}) so that hundreds of megabytes of image data can be streamed row by row later
 * instead of sitting in memory twice.
 */
final class PickleReader {
    /** Byte strings up to this length are read into memory; longer ones are only located. */
    static final int DEFAULT_INLINE_LIMIT = 1 << 16;
    private static final int TEXT_LIMIT = 1 << 20;

    private final Path file;
    private final long fileSize;
    private final int inlineLimit;
    private final InputStream in;
    private long position;
    private final List<Object> stack = new ArrayList<>();
    private final Deque<Integer> marks = new ArrayDeque<>();
    private final Map<Long, Object> memo = new HashMap<>();

    private PickleReader(Path file, int inlineLimit, InputStream in) throws IOException {
        this.file = file;
        this.fileSize = DataFiles.size(file);
        this.inlineLimit = inlineLimit;
        this.in = in;
    }

    /** The object pickled in {@code file}. */
    static Object read(Path file) throws IOException {
        return read(file, DEFAULT_INLINE_LIMIT);
    }

    static Object read(Path file, int inlineLimit) throws IOException {
        DataFiles.requireFile(file, "a python pickle");
        // FileInputStream.skip seeks, so large strings are passed over without being read.
        try (InputStream in = new BufferedInputStream(new FileInputStream(file.toFile()), 1 << 16)) {
            return new PickleReader(file, inlineLimit, in).run();
        }
    }

    private Object run() throws IOException {
        while (true) {
            long at = position;
            int op = u8();
            switch (op) {
                case 0x80: { // PROTO
                    int version = u8();
                    if (version < 2 || version > 4) {
                        throw fail(at, "pickle protocol " + version + " is not supported (2 to 4 are)");
                    }
                    break;
                }
                case 0x95: // FRAME (protocol 4): an 8-byte frame length we need not track
                    skip(8);
                    break;
                case '.': // STOP
                    if (stack.size() != 1) {
                        throw fail(at, "STOP with " + stack.size() + " objects on the stack (expected 1)");
                    }
                    return stack.get(0);
                case '}': // EMPTY_DICT
                    stack.add(new LinkedHashMap<String, Object>());
                    break;
                case ']': // EMPTY_LIST
                    stack.add(new ArrayList<Object>());
                    break;
                case ')': // EMPTY_TUPLE
                    stack.add(new PickledNumpy.Tuple(List.of()));
                    break;
                case '(': // MARK
                    marks.push(stack.size());
                    break;
                case 't': // TUPLE of the items since the mark
                    stack.add(new PickledNumpy.Tuple(popMark(at)));
                    break;
                case 0x85: case 0x86: case 0x87: { // TUPLE1..3
                    int n = op - 0x84;
                    requireStack(at, n);
                    List<Object> items = new ArrayList<>(stack.subList(stack.size() - n, stack.size()));
                    truncate(stack.size() - n);
                    stack.add(new PickledNumpy.Tuple(items));
                    break;
                }
                case 'a': { // APPEND
                    Object value = pop(at);
                    list(at).add(value);
                    break;
                }
                case 'e': { // APPENDS
                    List<Object> items = popMark(at);
                    list(at).addAll(items);
                    break;
                }
                case 's': { // SETITEM
                    Object value = pop(at);
                    Object key = pop(at);
                    dict(at).put(text(at, key), value);
                    break;
                }
                case 'u': { // SETITEMS
                    List<Object> items = popMark(at);
                    if (items.size() % 2 != 0) {
                        throw fail(at, "SETITEMS with an odd number of items");
                    }
                    Map<String, Object> dict = dict(at);
                    for (int i = 0; i < items.size(); i += 2) {
                        dict.put(text(at, items.get(i)), items.get(i + 1));
                    }
                    break;
                }
                case 'K': // BININT1
                    stack.add((long) u8());
                    break;
                case 'M': // BININT2
                    stack.add(littleEndian(2));
                    break;
                case 'J': // BININT: signed 32-bit
                    stack.add((long) (int) littleEndian(4));
                    break;
                case 0x8a: { // LONG1: n-byte two's complement
                    int n = u8();
                    if (n > 8) {
                        throw fail(at, "integer of " + n + " bytes is too large");
                    }
                    long v = n == 0 ? 0 : littleEndian(n);
                    stack.add(n == 0 || n == 8 ? v : v << (64 - 8 * n) >> (64 - 8 * n));
                    break;
                }
                case 'N': // NONE
                    stack.add(PickledNumpy.NONE);
                    break;
                case 0x88: // NEWTRUE
                    stack.add(Boolean.TRUE);
                    break;
                case 0x89: // NEWFALSE
                    stack.add(Boolean.FALSE);
                    break;
                case 'U': case 'C': // SHORT_BINSTRING (py2 str), SHORT_BINBYTES
                    stack.add(bytes(at, u8()));
                    break;
                case 'T': case 'B': // BINSTRING (py2 str), BINBYTES: 4-byte length
                    stack.add(bytes(at, littleEndian(4)));
                    break;
                case 0x8e: // BINBYTES8
                    stack.add(bytes(at, littleEndian(8)));
                    break;
                case 'X': // BINUNICODE
                    stack.add(unicode(at, littleEndian(4)));
                    break;
                case 0x8c: // SHORT_BINUNICODE
                    stack.add(unicode(at, u8()));
                    break;
                case 'c': { // GLOBAL: "module\nname\n"
                    String module = line(at);
                    String name = line(at);
                    stack.add(numpy(at, () -> PickledNumpy.global(module, name)));
                    break;
                }
                case 0x93: { // STACK_GLOBAL
                    Object name = pop(at);
                    Object module = pop(at);
                    stack.add(numpy(at, () -> PickledNumpy.global(PickledNumpy.text(module, "module name"),
                            PickledNumpy.text(name, "global name"))));
                    break;
                }
                case 'R': { // REDUCE: callable(*args)
                    Object args = pop(at);
                    Object callable = pop(at);
                    stack.add(numpy(at, () -> PickledNumpy.reduce(callable, args)));
                    break;
                }
                case 'b': { // BUILD: obj.__setstate__(state)
                    Object state = pop(at);
                    requireStack(at, 1);
                    Object target = stack.get(stack.size() - 1);
                    numpy(at, () -> {
                        PickledNumpy.build(target, state);
                        return target;
                    });
                    break;
                }
                case 'q': // BINPUT
                    memo.put((long) u8(), top(at));
                    break;
                case 'r': // LONG_BINPUT
                    memo.put(littleEndian(4), top(at));
                    break;
                case 0x94: // MEMOIZE
                    memo.put((long) memo.size(), top(at));
                    break;
                case 'h': // BINGET
                    stack.add(memoGet(at, u8()));
                    break;
                case 'j': // LONG_BINGET
                    stack.add(memoGet(at, littleEndian(4)));
                    break;
                default:
                    throw fail(at, String.format("unsupported pickle opcode 0x%02x%s (this reader handles dicts of "
                            + "numpy arrays and lists of ints only)", op,
                            op >= 0x20 && op < 0x7f ? " ('" + (char) op + "')" : ""));
            }
        }
    }

    /** Runs one numpy step, adding file and offset to a refusal. */
    private Object numpy(long at, Step step) throws DataFormatException {
        try {
            return step.run();
        } catch (PickledNumpy.Refusal e) {
            throw fail(at, e.getMessage());
        }
    }

    private interface Step {
        Object run() throws PickledNumpy.Refusal;
    }

    private String text(long at, Object key) throws DataFormatException {
        return (String) numpy(at, () -> PickledNumpy.text(key, "dict key"));
    }

    private PickledNumpy.Bytes bytes(long at, long length) throws IOException {
        if (length < 0) {
            throw fail(at, "negative string length " + length);
        }
        long start = position;
        if (length <= inlineLimit) {
            return new PickledNumpy.Bytes(start, length, readFully(at, (int) length));
        }
        skip(length);
        return new PickledNumpy.Bytes(start, length, null);
    }

    private String unicode(long at, long length) throws IOException {
        if (length > TEXT_LIMIT) { // keys, names and dtype codes are short; image data is never text
            throw fail(at, "a text string of " + length + " bytes is too long for this reader");
        }
        return new String(readFully(at, (int) length), StandardCharsets.UTF_8);
    }

    private String line(long at) throws IOException {
        StringBuilder b = new StringBuilder();
        for (int c = u8(); c != '\n'; c = u8()) {
            if (b.length() > 200) {
                throw fail(at, "GLOBAL name longer than 200 characters");
            }
            b.append((char) c);
        }
        return b.toString();
    }

    @SuppressWarnings("unchecked")
    private List<Object> list(long at) throws DataFormatException {
        Object top = top(at);
        if (!(top instanceof ArrayList)) {
            throw fail(at, "APPEND to " + PickledNumpy.describe(top) + ", not a list");
        }
        return (List<Object>) top;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dict(long at) throws DataFormatException {
        Object top = top(at);
        if (!(top instanceof Map)) {
            throw fail(at, "SETITEM on " + PickledNumpy.describe(top) + ", not a dict");
        }
        return (Map<String, Object>) top;
    }

    private Object memoGet(long at, long index) throws DataFormatException {
        if (!memo.containsKey(index)) {
            throw fail(at, "memo entry " + index + " was never stored");
        }
        return memo.get(index);
    }

    private List<Object> popMark(long at) throws DataFormatException {
        if (marks.isEmpty()) {
            throw fail(at, "no MARK before this opcode (corrupt pickle)");
        }
        int mark = marks.pop();
        List<Object> items = new ArrayList<>(stack.subList(mark, stack.size()));
        truncate(mark);
        return items;
    }

    private Object pop(long at) throws DataFormatException {
        Object top = top(at);
        stack.remove(stack.size() - 1);
        return top;
    }

    private Object top(long at) throws DataFormatException {
        requireStack(at, 1);
        return stack.get(stack.size() - 1);
    }

    private void requireStack(long at, int n) throws DataFormatException {
        int floor = marks.isEmpty() ? 0 : marks.peek();
        if (stack.size() - floor < n) {
            throw fail(at, "stack underflow (corrupt pickle)");
        }
    }

    private void truncate(int size) {
        stack.subList(size, stack.size()).clear();
    }

    private int u8() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new DataFormatException(file, "truncated pickle: the file ends at byte " + position
                    + " before the STOP opcode");
        }
        position++;
        return b;
    }

    private long littleEndian(int n) throws IOException {
        long v = 0;
        for (int i = 0; i < n; i++) {
            v |= (long) u8() << (8 * i);
        }
        return v;
    }

    private byte[] readFully(long at, int n) throws IOException {
        byte[] b = in.readNBytes(n);
        position += b.length;
        if (b.length < n) {
            throw fail(at, "truncated pickle: a " + n + "-byte string ends early, at the end of the file");
        }
        return b;
    }

    private void skip(long n) throws IOException {
        if (position + n > fileSize) {
            throw new DataFormatException(file, "truncated pickle: a " + n + "-byte string at byte " + position
                    + " runs past the end of the file (" + fileSize + " bytes)");
        }
        in.skipNBytes(n);
        position += n;
    }

    private DataFormatException fail(long at, String problem) {
        return new DataFormatException(file, problem + " (pickle byte " + at + ")");
    }
}
