package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smash4j.data.NumpyFiles.bytes;
import static org.smash4j.data.NumpyFiles.float32s;
import static org.smash4j.data.NumpyFiles.float64s;
import static org.smash4j.data.NumpyFiles.int32s;
import static org.smash4j.data.NumpyFiles.int64s;
import static org.smash4j.data.NumpyFiles.npy;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.write;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpyFormatTest {
    @TempDir
    Path dir;

    private NpyArray read(String name, byte[] content) throws Exception {
        return NpyFormat.read(write(dir.resolve(name), content));
    }

    private DataFormatException refused(String name, byte[] content) {
        Path file = write(dir.resolve(name), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFormat.read(file));
        assertEquals(file, e.path());
        return e;
    }

    @Test
    void readsEachSupportedDtypeWithItsValues() throws Exception {
        NpyArray u1 = read("u1.npy", npy("|u1", "(2, 3)", bytes(0, 1, 2, 253, 254, 255)));
        assertEquals(NpyFormat.DType.UINT8, u1.dtype());
        assertArrayEquals(new long[] {2, 3}, u1.shape());
        assertArrayEquals(new long[] {0, 1, 2, 253, 254, 255}, u1.toLongs());
        // '<u1' is the same type written with a byte-order mark
        assertArrayEquals(new long[] {7, 200}, read("lu1.npy", npy("<u1", "(2,)", bytes(7, 200))).toLongs());
        NpyArray i4 = read("i4.npy", npy("<i4", "(3,)", int32s(-1, 0, 1000)));
        assertEquals(NpyFormat.DType.INT32, i4.dtype());
        assertArrayEquals(new long[] {-1, 0, 1000}, i4.toLongs());
        NpyArray i8 = read("i8.npy", npy("<i8", "(2, 1)", int64s(Long.MIN_VALUE, 1L << 40)));
        assertArrayEquals(new long[] {Long.MIN_VALUE, 1L << 40}, i8.toLongs());
        assertArrayEquals(new long[] {2, 1}, i8.shape());
        NpyArray f4 = read("f4.npy", npy("<f4", "(2,)", float32s(0.5f, -3.25f)));
        assertArrayEquals(new double[] {0.5, -3.25}, f4.toDoubles());
        NpyArray f8 = read("f8.npy", npy("<f8", "(1, 2, 1)", float64s(Math.PI, -1e300)));
        assertEquals(NpyFormat.DType.FLOAT64, f8.dtype());
        assertArrayEquals(new double[] {Math.PI, -1e300}, f8.toDoubles());
        assertEquals("(1, 2, 1)", f8.shapeText());
    }

    @Test
    void honoursHeaderLengthOfEveryVersionAndAlignment() throws Exception {
        byte[] data = int64s(5, 6);
        // VoxNet's files: version 1.0 aligned to 16, so header_len 70 and data at byte 80 for a (32, 32, 32) grid
        byte[] old = npy(1, 16, "|u1", "False", "(32, 32, 32)", new byte[32768]);
        assertEquals(70, (old[8] & 0xFF) | (old[9] & 0xFF) << 8);
        assertEquals(32768, read("old.npy", old).count());
        assertArrayEquals(new long[] {5, 6}, read("v2.npy", npy(2, 64, "<i8", "False", "(2,)", data)).toLongs());
        assertArrayEquals(new long[] {5, 6}, read("v3.npy", npy(3, 64, "<i8", "False", "(2,)", data)).toLongs());
        assertEquals(0, npy(2, 64, "<i8", "False", "(2,)", data).length % 16); // 64-aligned header + 16 data bytes
        NpyArray scalar = read("scalar.npy", npy("<i8", "()", int64s(42)));
        assertEquals(0, scalar.shape().length);
        assertEquals(42, scalar.longAt(0));
        NpyArray empty = read("empty.npy", npy("<f8", "(0, 4)", new byte[0]));
        assertEquals(0, empty.count());
    }

    @Test
    void readHeaderLeavesTheStreamAtTheData() throws Exception {
        byte[] file = npy("<i4", "(2,)", int32s(11, 12));
        ByteArrayInputStream in = new ByteArrayInputStream(file);
        NpyFormat.Header h = NpyFormat.readHeader(in, dir.resolve("x.npy"), "");
        assertEquals(128, h.headerBytes()); // a 67-byte header rounds up to two 64-byte lines
        assertEquals(8, h.dataBytes());
        assertEquals("(2,)", h.shapeText());
        assertArrayEquals(int32s(11, 12), in.readAllBytes());
    }

    @Test
    void badMagicIsRefused() {
        byte[] content = npy("|u1", "(1,)", bytes(1));
        content[1] = 'X';
        DataFormatException e = refused("magic.npy", content);
        assertEquals(dir.resolve("magic.npy") + ": bad magic: not an NPY array (expected \\x93NUMPY, found "
                + "93 58 55 4d 50 59)", e.getMessage());
    }

    @Test
    void truncatedDataAndHeaderAreRefused() {
        byte[] content = npy("<f8", "(2, 3)", float64s(1, 2, 3, 4, 5, 6));
        DataFormatException e = refused("cut.npy", Arrays.copyOf(content, content.length - 3));
        assertEquals(dir.resolve("cut.npy") + ": truncated data: shape (2, 3) of <f8 needs 48 bytes after the "
                + "header, only 45 present", e.getMessage());
        DataFormatException header = refused("cuthead.npy", Arrays.copyOf(content, 40));
        assertEquals(dir.resolve("cuthead.npy") + ": truncated: the NPY header of 118 bytes ends after 30",
                header.getMessage());
        assertEquals(dir.resolve("tiny.npy") + ": truncated: 5 bytes, too short for an NPY header",
                refused("tiny.npy", bytes(0x93, 'N', 'U', 'M', 'P')).getMessage());
    }

    @Test
    void extraDataIsAShapeSizeMismatch() {
        DataFormatException e = refused("long.npy", concat(npy("<i4", "(2,)", int32s(1, 2)), int32s(3)));
        assertEquals(dir.resolve("long.npy") + ": shape/size mismatch: the data continues past the 8 bytes that "
                + "shape (2,) of <i4 needs", e.getMessage());
    }

    @Test
    void unsupportedDtypesAreRefusedByName() {
        for (String descr : new String[] {">i8", "<u2", "|b1", "<c16", "|O"}) {
            DataFormatException e = refused("t.npy", npy(descr, "(1,)", new byte[0]));
            assertEquals(dir.resolve("t.npy") + ": unsupported dtype '" + descr + "' (supported: |u1, <u1, <i4, "
                    + "<i8, <f4, <f8)", e.getMessage());
        }
        byte[] structured = npy(1, 64, "x", "False", "(1,)", new byte[0]);
        String text = new String(structured, java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("'descr': 'x'", "'descr': [('a', '<i4')]");
        DataFormatException e = refused("s.npy", text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals(true, e.getMessage().contains("unsupported dtype: the header has no simple 'descr' string"),
                e.getMessage());
    }

    @Test
    void fortranOrderIsRefused() {
        DataFormatException e = refused("f.npy", npy(1, 64, "<f8", "True", "(2, 2)", float64s(1, 2, 3, 4)));
        assertEquals(dir.resolve("f.npy") + ": fortran_order True is not supported (save the array in C order, "
                + "e.g. with np.ascontiguousarray)", e.getMessage());
    }

    @Test
    void unknownVersionIsRefused() {
        byte[] content = npy("|u1", "(1,)", bytes(1));
        content[6] = 4;
        assertEquals(dir.resolve("v4.npy") + ": unsupported NPY version 4.0 (1.x, 2.x and 3.x are read)",
                refused("v4.npy", content).getMessage());
    }

    @Test
    void messagesNameTheEntryInsideAnArchive() {
        byte[] content = npy("<i4", "(3,)", int32s(1, 2));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpyFormat.read(
                new ByteArrayInputStream(content), dir.resolve("a.npz"), "entry labels.npy"));
        assertEquals(dir.resolve("a.npz") + ": entry labels.npy: truncated data: shape (3,) of <i4 needs 12 bytes "
                + "after the header, only 8 present", e.getMessage());
    }
}
