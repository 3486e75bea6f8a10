package org.smash4j.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A small ModelNet10 in the VoxNet tar format ({@code train.tar}, {@code test.tar}) for tests of the 3-D chain:
 * each object is a solid box whose proportions depend on its class (so there is something to learn), placed at a
 * seeded random position in the 32^3 grid, one rotation per object.
 */
public final class SyntheticModelNet10 {
    private SyntheticModelNet10() {
    }

    /** Writes {@code train.tar} and {@code test.tar} with the given numbers of objects into {@code dir}. */
    public static Path write(Path dir, int trainObjects, int testObjects, long seed) {
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("train.tar"), tar(trainObjects, new SplittableRandom(seed)));
            Files.write(dir.resolve("test.tar"), tar(testObjects, new SplittableRandom(seed + 1)));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A VoxNet tar of {@code objects} boxes, classes 1..10 in turn. */
    static byte[] tar(int objects, SplittableRandom rng) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int o = 0; o < objects; o++) {
            int cls = o % 10 + 1;
            String name = String.format(Locale.ROOT, "data/%03d.%s_%09d.001.npy.z", cls,
                    ModelNet10Format.CLASS_NAMES.get(cls - 1), o);
            out.writeBytes(NumpyFiles.tarEntry(name, '0', NumpyFiles.zlib(NumpyFiles.npy(1, 16, "|u1", "False",
                    "(32, 32, 32)", box(cls, rng)))));
        }
        out.writeBytes(NumpyFiles.tarEnd());
        return out.toByteArray();
    }

    /** A box of 8 + 2*(cls mod 4) by 8 + 2*(cls mod 3) by 6 + cls voxels at a random corner. */
    static byte[] box(int cls, SplittableRandom rng) {
        int[] size = {8 + 2 * (cls % 4), 8 + 2 * (cls % 3), 6 + cls};
        int[] at = new int[3];
        for (int a = 0; a < 3; a++) {
            at[a] = rng.nextInt(32 - size[a] + 1);
        }
        byte[] grid = new byte[VoxelDataset.VOXELS];
        for (int i = at[0]; i < at[0] + size[0]; i++) {
            for (int j = at[1]; j < at[1] + size[1]; j++) {
                for (int k = at[2]; k < at[2] + size[2]; k++) {
                    grid[(i * 32 + j) * 32 + k] = 1;
                }
            }
        }
        return grid;
    }
}
