package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.smash4j.data.NumpyFiles.int64s;
import static org.smash4j.data.NumpyFiles.npy;
import static org.smash4j.data.NumpyFiles.npz;
import static org.smash4j.data.NumpyFiles.tarEnd;
import static org.smash4j.data.NumpyFiles.tarEntry;
import static org.smash4j.data.NumpyFiles.zlib;
import static org.smash4j.data.SyntheticFiles.concat;
import static org.smash4j.data.SyntheticFiles.write;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelNet10FormatTest {
    private static final String BATH = "data/001.bathtub_000000140.";
    private static final String SOFA = "data/008.chair_000000003."; // class 8 (sofa), whatever the name says

    @TempDir
    Path dir;

    /** Voxel (i, j, k) of grid {@code seed} is occupied when (7i + 3j + k + seed) is a multiple of 5. */
    private static int occupied(int seed, int i, int j, int k) {
        return (7 * i + 3 * j + k + seed) % 5 == 0 ? 1 : 0;
    }

    private static byte[] grid(int seed) {
        byte[] g = new byte[32768];
        for (int v = 0; v < g.length; v++) {
            g[v] = (byte) occupied(seed, v / 1024, v / 32 % 32, v % 32);
        }
        return g;
    }

    /** A tar entry as VoxNet wrote them: zlib of an npy v1.0 with 16-byte alignment (header_len 70). */
    private static byte[] voxnetEntry(String name, byte[] grid) {
        return tarEntry(name, '0', zlib(npy(1, 16, "|u1", "False", "(32, 32, 32)", grid)));
    }

    /** Two objects of two rotations each, interleaved, after a directory entry. */
    private static byte[] voxnetTar() {
        return concat(tarEntry("data/", '5', new byte[0]), voxnetEntry(BATH + "001.npy.z", grid(1)),
                voxnetEntry(SOFA + "001.npy.z", grid(2)), voxnetEntry(BATH + "002.npy.z", grid(3)),
                voxnetEntry(SOFA + "002.npy.z", grid(4)), tarEnd());
    }

    private String refusedTar(String name, byte[] content) {
        Path file = write(dir.resolve(name), content);
        DataFormatException e = assertThrows(DataFormatException.class, () -> ModelNet10Format.readTar(file));
        assertEquals(file, e.path());
        return e.getMessage().substring(file.toString().length() + 2);
    }

    @Test
    void voxnetTarGroupsRotationsByObjectAndTakesTheClassFromThePrefix() throws Exception {
        VoxelDataset set = ModelNet10Format.readTar(write(dir.resolve("train.tar"), voxnetTar()));
        assertEquals(2, set.size());
        assertEquals(2, set.rotations());
        assertArrayEquals(new int[] {0, 7}, set.labels());
        assertEquals("sofa", set.classNames().get(set.label(1)));
        assertArrayEquals(grid(1), set.grid(0, 0));
        assertArrayEquals(grid(3), set.grid(0, 1));
        assertArrayEquals(grid(4), set.grid(1, 1));
        assertEquals(occupied(2, 4, 14, 17), set.voxel(1, 0, 4, 14, 17));
        assertEquals("modelnet10/train.tar", set.name());
    }

    @Test
    void smashNpzStoredOrDeflatedIsReadWithZeroBasedLabels() throws Exception {
        byte[] data = concat(grid(10), grid(11), grid(12), grid(13), grid(14), grid(15));
        for (boolean deflate : new boolean[] {false, true}) {
            Path file = write(dir.resolve("modelnet10_rot24_test" + deflate + ".npz"),
                    smashNpz(data, "(2, 3, 32, 32, 32)", int64s(9, 0), deflate));
            VoxelDataset set = ModelNet10Format.readSmashNpz(file);
            assertEquals(2, set.size());
            assertEquals(3, set.rotations());
            assertArrayEquals(new int[] {9, 0}, set.labels());
            assertArrayEquals(grid(12), set.grid(0, 2));
            assertArrayEquals(grid(13), set.grid(1, 0));
        }
    }

    private static byte[] smashNpz(byte[] data, String shape, byte[] labels, boolean deflate) {
        Map<String, byte[]> arrays = new LinkedHashMap<>();
        arrays.put("data", npy("|u1", shape, data));
        arrays.put("labels", npy("<i8", "(" + labels.length / 8 + ",)", labels));
        return npz(arrays, deflate);
    }

    @Test
    void badTarHeadersAreRefused() {
        byte[] tar = voxnetTar();
        tar[5] ^= 1; // a changed name byte no longer matches the stored checksum
        assertTrue(refusedTar("sum.tar", tar).startsWith("bad tar header at byte 0: checksum mismatch (stored "));
        byte[] text = new byte[2048];
        Arrays.fill(text, (byte) 'a');
        assertEquals("bad tar header at byte 0: no ustar magic (not a tar archive, or corrupt)",
                refusedTar("text.tar", text));
        byte[] whole = voxnetTar();
        int size = zlib(npy(1, 16, "|u1", "False", "(32, 32, 32)", grid(3))).length;
        assertEquals("truncated tar: the file ends inside entry " + BATH + "002.npy.z (10 of " + size
                + " bytes present)",
                refusedTar("cut.tar", Arrays.copyOf(whole, 512 + 2 * voxnetEntry(BATH + "001.npy.z", grid(1)).length
                        + 512 + 10)));
    }

    @Test
    void badZlibStreamsAreRefused() {
        byte[] npy = npy(1, 16, "|u1", "False", "(32, 32, 32)", grid(1));
        assertEquals("entry " + BATH + "001.npy.z: bad zlib stream: incorrect header check",
                refusedTar("raw.tar", concat(tarEntry(BATH + "001.npy.z", '0', npy), tarEnd())));
        byte[] z = zlib(npy);
        assertEquals("entry " + BATH + "001.npy.z: bad zlib stream: ends early (truncated)",
                refusedTar("half.tar", concat(tarEntry(BATH + "001.npy.z", '0', Arrays.copyOf(z, z.length / 2)),
                        tarEnd())));
    }

    @Test
    void wrongGridsAreRefused() {
        byte[] flat = zlib(npy("|u1", "(32, 32)", new byte[1024]));
        assertEquals("entry " + BATH + "001.npy.z: wrong shape (32, 32) (expected (32, 32, 32))",
                refusedTar("shape.tar", concat(tarEntry(BATH + "001.npy.z", '0', flat), tarEnd())));
        byte[] two = grid(0);
        two[(4 * 32 + 14) * 32 + 17] = 2;
        assertEquals("entry " + BATH + "001.npy.z: voxel (4, 14, 17) holds 2, not 0 or 1",
                refusedTar("two.tar", concat(voxnetEntry(BATH + "001.npy.z", two), tarEnd())));
        byte[] fortran = zlib(npy(1, 16, "|u1", "True", "(32, 32, 32)", grid(0)));
        assertTrue(refusedTar("f.tar", concat(tarEntry(BATH + "001.npy.z", '0', fortran), tarEnd()))
                .startsWith("entry " + BATH + "001.npy.z: fortran_order True is not supported"));
    }

    @Test
    void entryNamesMustCarryAClassFrom1To10AndCompleteRotations() {
        for (String prefix : new String[] {"011", "000"}) {
            assertEquals("entry data/" + prefix + ".x_000000001.001.npy.z: class prefix " + prefix
                    + " is outside 1..10", refusedTar("c.tar", concat(voxnetEntry("data/" + prefix
                    + ".x_000000001.001.npy.z", grid(0)), tarEnd())));
        }
        assertEquals("entry data/readme.txt: name does not match "
                + "data/{class:03d}.{model}_{id:09d}.{rotation:03d}.npy.z",
                refusedTar("n.tar", concat(tarEntry("data/readme.txt", '0', new byte[3]), tarEnd())));
        assertEquals("object 008.chair_000000003 lacks rotation 2 (other objects have rotations 1..2)",
                refusedTar("r.tar", concat(voxnetEntry(BATH + "001.npy.z", grid(1)),
                        voxnetEntry(BATH + "002.npy.z", grid(1)), voxnetEntry(SOFA + "001.npy.z", grid(1)),
                        tarEnd())));
        assertEquals("entry " + BATH + "001.npy.z: rotation 1 of object 001.bathtub_000000140 appears twice",
                refusedTar("d.tar", concat(voxnetEntry(BATH + "001.npy.z", grid(1)),
                        voxnetEntry(BATH + "001.npy.z", grid(1)), tarEnd())));
    }

    @Test
    void badSmashNpzIsRefused() {
        byte[] data = concat(grid(1), grid(2));
        Path labels = write(dir.resolve("l.npz"), smashNpz(data, "(2, 1, 32, 32, 32)", int64s(3, 10), true));
        assertEquals(labels + ": entry labels.npy: label 10 of object 1 is out of range 0..9 (SMASH's labels are "
                + "read as 0-based)", assertThrows(DataFormatException.class,
                        () -> ModelNet10Format.readSmashNpz(labels)).getMessage());
        Path shape = write(dir.resolve("s.npz"), smashNpz(data, "(2, 32, 32, 32)", int64s(3, 4), false));
        assertEquals(shape + ": entry data.npy: wrong shape: expected uint8 voxels of shape (N, rotations, 32, 32, "
                + "32), found |u1 (2, 32, 32, 32)", assertThrows(DataFormatException.class,
                        () -> ModelNet10Format.readSmashNpz(shape)).getMessage());
        byte[] three = data.clone();
        three[32768 + 5] = 3;
        Path value = write(dir.resolve("v.npz"), smashNpz(three, "(2, 1, 32, 32, 32)", int64s(3, 4), true));
        assertEquals(value + ": entry data.npy: object 1, rotation 0: voxel (0, 0, 5) holds 3, not 0 or 1",
                assertThrows(DataFormatException.class, () -> ModelNet10Format.readSmashNpz(value)).getMessage());
        Path count = write(dir.resolve("c.npz"), smashNpz(data, "(2, 1, 32, 32, 32)", int64s(3), false));
        assertEquals(count + ": entry labels.npy: object/label count mismatch: 1 labels for 2 objects",
                assertThrows(DataFormatException.class, () -> ModelNet10Format.readSmashNpz(count)).getMessage());
    }
}
