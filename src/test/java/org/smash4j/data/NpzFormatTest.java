package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.data.NumpyFiles.bytes;
import static org.smash4j.data.NumpyFiles.float64s;
import static org.smash4j.data.NumpyFiles.int64s;
import static org.smash4j.data.NumpyFiles.npy;
import static org.smash4j.data.NumpyFiles.npz;
import static org.smash4j.data.SyntheticFiles.write;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NpzFormatTest {
    @TempDir
    Path dir;

    /** data: uint8 (2, 3) = 0..5 * 40; labels: int64 [7, -2]; mean: float64 [0.25]. */
    private static Map<String, byte[]> arrays() {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("data", npy("|u1", "(2, 3)", bytes(0, 40, 80, 120, 160, 200)));
        arrays.put("labels", npy("<i8", "(2,)", int64s(7, -2)));
        arrays.put("mean", npy("<f8", "(1,)", float64s(0.25)));
        return arrays;
    }

    @Test
    void storedAndDeflatedArchivesListAndReadTheirArrays() throws Exception {
        for (boolean deflate : new boolean[] {false, true}) {
            Path file = write(dir.resolve("a" + deflate + ".npz"), npz(arrays(), deflate));
            try (NpzFormat npz = NpzFormat.open(file)) {
                assertEquals(List.of("data", "labels", "mean"), npz.keys());
                assertTrue(npz.has("labels"));
                assertArrayEquals(new long[] {0, 40, 80, 120, 160, 200}, npz.read("data").toLongs());
                assertArrayEquals(new long[] {7, -2}, npz.read("labels").toLongs());
                assertArrayEquals(new double[] {0.25}, npz.read("mean").toDoubles());
                assertArrayEquals(new long[] {2, 3}, npz.header("data").shape());
                try (NpzFormat.Stream s = npz.stream("data")) {
                    assertEquals(NpyFormat.DType.UINT8, s.header().dtype());
                    assertArrayEquals(bytes(0, 40, 80, 120, 160, 200), s.data().readAllBytes());
                }
            }
        }
    }

    @Test
    void missingKeyListsTheArchiveContents() throws Exception {
        Path file = write(dir.resolve("a.npz"), npz(arrays(), true));
        try (NpzFormat npz = NpzFormat.open(file)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> npz.read("features"));
            assertEquals(file + ": no array 'features' (the archive holds: data, labels, mean)", e.getMessage());
        }
    }

    @Test
    void aFileThatIsNotAZipIsRefused() {
        Path file = write(dir.resolve("not.npz"), npy("|u1", "(1,)", bytes(1)));
        DataFormatException e = assertThrows(DataFormatException.class, () -> NpzFormat.open(file));
        assertTrue(e.getMessage().startsWith(file + ": bad magic: not an npz file (not a zip archive"),
                e.getMessage());
    }

    @Test
    void storedEntryShorterThanItsShapeIsTruncated() throws Exception {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        byte[] full = npy("<i8", "(3,)", int64s(1, 2, 3));
        arrays.put("labels", java.util.Arrays.copyOf(full, full.length - 8));
        for (boolean deflate : new boolean[] {false, true}) {
            Path file = write(dir.resolve("t" + deflate + ".npz"), npz(arrays, deflate));
            try (NpzFormat npz = NpzFormat.open(file)) {
                DataFormatException e = assertThrows(DataFormatException.class, () -> npz.read("labels"));
                assertEquals(file + ": entry labels.npy: truncated data: shape (3,) of <i8 needs 24 bytes after the "
                        + "header, only 16 present", e.getMessage());
                DataFormatException streamed = assertThrows(DataFormatException.class, () -> npz.stream("labels"));
                assertEquals(file + ": entry labels.npy: truncated data: shape (3,) of <i8 needs 24 data bytes "
                        + "after a 128-byte header, but the entry holds 16", streamed.getMessage());
            }
        }
    }

    @Test
    void corruptDeflateDataIsReportedWithTheEntry() throws Exception {
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("data", npy("|u1", "(4,)", bytes(1, 2, 3, 4)));
        byte[] zip = npz(one, true);
        // The first local header is 30 bytes plus the name "data.npy" (no extra field): deflate data follows.
        // 0xFF starts a final block of the reserved type 3, which no inflater accepts.
        zip[30 + "data.npy".length()] = (byte) 0xFF;
        Path file = write(dir.resolve("bad.npz"), zip);
        try (NpzFormat npz = NpzFormat.open(file)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> npz.read("data"));
            assertEquals(file + ": entry data.npy: corrupt compressed data: invalid block type", e.getMessage());
        }
    }

    @Test
    void badArrayInsideTheArchiveNamesFileAndEntry() throws Exception {
        Map<String, byte[]> one = new LinkedHashMap<>();
        one.put("data", npy(1, 64, "<f8", "True", "(1, 1)", float64s(1)));
        Path file = write(dir.resolve("f.npz"), npz(one, false));
        try (NpzFormat npz = NpzFormat.open(file)) {
            DataFormatException e = assertThrows(DataFormatException.class, () -> npz.header("data"));
            assertEquals(file, e.path());
            assertTrue(e.getMessage().startsWith(file + ": entry data.npy: fortran_order True is not supported"),
                    e.getMessage());
        }
    }
}
