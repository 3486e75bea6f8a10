package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.smash4j.data.SyntheticFiles.names;
import static org.smash4j.data.SyntheticFiles.write;
import static org.smash4j.data.SyntheticFiles.writeLines;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Stl10FormatTest {
    @TempDir
    Path dir;

    /** Image i stored column-major: byte c*9216 + col*96 + row holds (i + 2c + 5row + col) mod 256. */
    private static byte[] columnMajorImages(int count) {
        byte[] out = new byte[count * 27648];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < 3; c++) {
                for (int col = 0; col < 96; col++) {
                    for (int row = 0; row < 96; row++) {
                        out[i * 27648 + c * 9216 + col * 96 + row] = (byte) (i + 2 * c + 5 * row + col);
                    }
                }
            }
        }
        return out;
    }

    private void writeSet(int count, byte[] labels) {
        writeLines(dir.resolve("class_names.txt"), names("class", 10));
        write(dir.resolve("train_X.bin"), columnMajorImages(count));
        write(dir.resolve("train_y.bin"), labels);
    }

    @Test
    void transposesColumnMajorPlanesAndShiftsLabelsToZeroBased() throws Exception {
        writeSet(2, new byte[] {1, 10});
        ImageDataset data = Stl10Format.readTrain(dir);
        assertEquals(2, data.size());
        assertArrayEquals(new int[] {0, 9}, data.labels());
        assertEquals(96, data.height());
        // (row 3, col 1) and (row 1, col 3) differ, so a missed transpose would show.
        assertEquals((2 * 2 + 5 * 3 + 1) % 256, data.pixel(0, 2, 3, 1));
        assertEquals((1 + 5 * 1 + 3) % 256, data.pixel(1, 0, 1, 3));
        assertEquals((1 + 2 + 5 * 95 + 94) % 256, data.pixel(1, 1, 95, 94));
    }

    @Test
    void labelZeroIsOutOfRange() {
        writeSet(2, new byte[] {3, 0});
        DataFormatException e = assertThrows(DataFormatException.class, () -> Stl10Format.readTrain(dir));
        assertEquals(dir.resolve("train_y.bin") + ": label 0 of image 1 is out of range 1..10", e.getMessage());
    }

    @Test
    void countMismatchIsReported() {
        writeSet(2, new byte[] {3, 4, 5});
        DataFormatException e = assertThrows(DataFormatException.class, () -> Stl10Format.readTrain(dir));
        assertEquals(dir.resolve("train_y.bin") + ": image/label count mismatch: holds 3 labels but "
                + dir.resolve("train_X.bin") + " holds 2 images", e.getMessage());
    }

    @Test
    void truncatedImagesAreReported() {
        writeLines(dir.resolve("class_names.txt"), names("class", 10));
        write(dir.resolve("test_X.bin"), new byte[27648 + 100]);
        write(dir.resolve("test_y.bin"), new byte[] {1});
        DataFormatException e = assertThrows(DataFormatException.class, () -> Stl10Format.readTest(dir));
        assertEquals(dir.resolve("test_X.bin") + ": truncated file: 27748 bytes is not a whole number of "
                + "27648-byte (3x96x96) images; the last image has only 100 bytes", e.getMessage());
    }
}
