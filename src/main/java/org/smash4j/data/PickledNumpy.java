package org.smash4j.data;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * The python values {@link PickleReader} produces, and what its REDUCE and BUILD opcodes mean for the only
 * callables it allows: numpy's array reconstructor ({@code _reconstruct} then {@code __setstate__}), numpy's
 * dtype and numpy's scalar constructor. Python ints are {@link Long}, booleans {@link Boolean}, unicode
 * {@link String}, lists {@link java.util.ArrayList}, dicts {@link java.util.Map} with string keys.
 */
final class PickledNumpy {
    /** python's None. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final Set<String> RECONSTRUCT = Set.of("numpy.core.multiarray._reconstruct",
            "numpy._core.multiarray._reconstruct");
    private static final Set<String> SCALAR = Set.of("numpy.core.multiarray.scalar", "numpy._core.multiarray.scalar");

    private PickledNumpy() {
    }

    /** A python 2 str or python 3 bytes: in memory ({@code inline}) when short, else located in the file. */
    record Bytes(long offset, long length, byte[] inline) {
        /** The bytes as a stream (from the file at {@code offset} when they were not read). */
        InputStream open(Path file) throws IOException {
            if (inline != null) {
                return new ByteArrayInputStream(inline);
            }
            FileInputStream in = new FileInputStream(file.toFile());
            try {
                in.getChannel().position(offset);
            } catch (IOException e) {
                in.close();
                throw e;
            }
            return new BufferedInputStream(in, 1 << 16);
        }
    }

    record Tuple(List<Object> items) {
    }

    record Global(String module, String name) {
        String qualified() {
            return module + "." + name;
        }
    }

    /** A numpy dtype; BUILD sets its byte order in place, as python's does, so memo references see it. */
    static final class DType {
        final String code;
        String byteOrder = "=";

        DType(String code) {
            this.code = code;
        }

        /** e.g. {@code <f8}, {@code |u1}. */
        String descr() {
            return byteOrder + code;
        }
    }

    /** A numpy array; {@code _reconstruct} creates it empty and BUILD fills it in place. */
    static final class NdArray {
        DType dtype;
        long[] shape;
        boolean fortran;
        Bytes data;
    }

    /** Why a pickle is refused; the reader adds the file and byte offset. */
    static final class Refusal extends Exception {
        private static final long serialVersionUID = 1L;

        Refusal(String message) {
            super(message);
        }
    }

    /** Refuses every global except the numpy reconstructors, so that no pickle can name other code. */
    static Global global(String module, String name) throws Refusal {
        String qualified = module + "." + name;
        if (qualified.equals("_codecs.encode")) {
            throw new Refusal("bytes pickled by python 3 with protocol 2 (_codecs.encode) are not supported; "
                    + "re-save with protocol 3 or newer, or use the npz version");
        }
        if (!RECONSTRUCT.contains(qualified) && !SCALAR.contains(qualified) && !qualified.equals("numpy.ndarray")
                && !qualified.equals("numpy.dtype")) {
            throw new Refusal("unsupported global " + qualified + " (only numpy arrays, dtypes and scalars are "
                    + "rebuilt)");
        }
        return new Global(module, name);
    }

    /** REDUCE: {@code callable(*args)}. */
    static Object reduce(Object callable, Object args) throws Refusal {
        if (!(callable instanceof Global) || !(args instanceof Tuple)) {
            throw new Refusal("REDUCE needs a global and an argument tuple, got " + describe(callable) + " and "
                    + describe(args));
        }
        String name = ((Global) callable).qualified();
        List<Object> items = ((Tuple) args).items();
        if (RECONSTRUCT.contains(name)) {
            return new NdArray();
        }
        if (name.equals("numpy.dtype") && !items.isEmpty()) {
            return new DType(text(items.get(0), "dtype code"));
        }
        if (SCALAR.contains(name) && items.size() == 2 && items.get(0) instanceof DType
                && items.get(1) instanceof Bytes && ((Bytes) items.get(1)).inline() != null) {
            String descr = ((DType) items.get(0)).descr();
            NpyFormat.DType type = NpyFormat.DType.parse(descr);
            byte[] raw = ((Bytes) items.get(1)).inline();
            if (type == null || !type.isInteger() || raw.length != type.size()) {
                throw new Refusal("numpy scalar of dtype " + descr + " is not supported (only integer scalars are)");
            }
            return new NpyArray(type, new long[0], raw).longAt(0);
        }
        throw new Refusal("cannot call " + name + " with " + items.size() + " arguments");
    }

    /** BUILD: {@code target.__setstate__(state)}, in place. */
    static void build(Object target, Object state) throws Refusal {
        List<Object> items = state instanceof Tuple ? ((Tuple) state).items() : List.of();
        if (target instanceof DType && items.size() >= 2) {
            ((DType) target).byteOrder = text(items.get(1), "dtype byte order");
        } else if (target instanceof NdArray && (items.size() == 5 || items.size() == 4)) {
            // numpy's ndarray.__setstate__: ([version,] shape, dtype, is_fortran, raw data)
            int k = items.size() - 4;
            NdArray array = (NdArray) target;
            if (!(items.get(k) instanceof Tuple) || !(items.get(k + 1) instanceof DType)) {
                throw new Refusal("numpy array state has no shape tuple and dtype");
            }
            List<Object> dims = ((Tuple) items.get(k)).items();
            array.shape = new long[dims.size()];
            for (int i = 0; i < dims.size(); i++) {
                if (!(dims.get(i) instanceof Long) || (Long) dims.get(i) < 0) {
                    throw new Refusal("numpy array shape holds " + describe(dims.get(i)) + ", not a size");
                }
                array.shape[i] = (Long) dims.get(i);
            }
            array.dtype = (DType) items.get(k + 1);
            Object fortran = items.get(k + 2);
            array.fortran = Boolean.TRUE.equals(fortran) || Long.valueOf(1).equals(fortran);
            if (!(items.get(k + 3) instanceof Bytes)) {
                throw new Refusal("numpy array data is " + describe(items.get(k + 3))
                        + " (object arrays are not supported)");
            }
            array.data = (Bytes) items.get(k + 3);
        } else {
            throw new Refusal("BUILD of " + describe(target) + " with state " + describe(state) + " is not supported");
        }
    }

    /** A unicode string, or a short python 2 str read as latin-1. */
    static String text(Object value, String what) throws Refusal {
        if (value instanceof String) {
            return (String) value;
        }
        if (value instanceof Bytes && ((Bytes) value).inline() != null) {
            return new String(((Bytes) value).inline(), StandardCharsets.ISO_8859_1);
        }
        throw new Refusal(what + " is " + describe(value) + ", expected a string");
    }

    /** For messages, in python's terms: "None", "the int 3", "a list", "global numpy.dtype". */
    static String describe(Object value) {
        if (value == null || value == NONE) {
            return "None";
        }
        if (value instanceof Global) {
            return "global " + ((Global) value).qualified();
        }
        if (value instanceof Long || value instanceof Boolean) {
            return "the " + (value instanceof Long ? "int " : "bool ") + value;
        }
        if (value instanceof String) {
            return "the string '" + value + "'";
        }
        return value instanceof java.util.Map ? "a dict" : value instanceof List ? "a list"
                : value instanceof Tuple ? "a tuple" : value instanceof Bytes ? "a byte string"
                : value instanceof NdArray ? "a numpy array" : value instanceof DType ? "a numpy dtype"
                : "a " + value.getClass().getSimpleName();
    }
}
