package org.smash4j.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Inflater;

/**
 * Loads ModelNet10 as 32x32x32 occupancy grids into a {@link VoxelDataset}, from either of two files:
 * <ul>
 *   <li>the VoxNet/VRN tar: ustar entries {@code data/{cls:03d}.{model}_{id:09d}.{rot:03d}.npy.z}, each a
 *       zlib stream of an npy uint8 (32, 32, 32) grid of 0s and 1s. The class is the 3-digit 1-based prefix
 *       (1 bathtub ... 10 toilet; the model-name part is unreliable, so it only tells objects apart). The
 *       entries of one object (same class, model and id) are its rotations 001..R, which every object must
 *       have alike.</li>
 *   <li>SMASH's {@code modelnet10_rot24_{train,test}.npz}: {@code data} uint8 (N, rotations, 32, 32, 32) and
 *       {@code labels}, taken as <b>0-based</b> (0..9) because SMASH feeds them straight into its loss.</li>
 * </ul>
 * <p>Memory: grids are bit-packed (4 KiB each), so SMASH's 24-rotation training set takes about 392 MB; the
 * npz is streamed grid by grid and a tar entry is inflated one at a time.
 */
public final class ModelNet10Format {
    /** VoxNet's class order: 1-based prefix k is class k-1 here. */
    public static final List<String> CLASS_NAMES = List.of("bathtub", "bed", "chair", "desk", "dresser",
            "monitor", "night_stand", "sofa", "table", "toilet");

    private static final Pattern ENTRY = Pattern.compile("(?:.*/)?((\\d{3})\\.(.+)_(\\d+))\\.(\\d{3})\\.npy\\.z");
    private static final int GRID_NPY_LIMIT = 1 << 20; // a 32^3 uint8 npy is 32,768 bytes plus a short header

    private ModelNet10Format() {
    }

    /** All objects of a VoxNet/VRN tar, in the order their first entry appears. */
    public static VoxelDataset readTar(Path tar) throws IOException {
        Map<String, TreeMap<Integer, byte[]>> objects = new LinkedHashMap<>();
        Map<String, Integer> classes = new LinkedHashMap<>();
        try (TarReader reader = new TarReader(tar)) {
            for (TarReader.Entry entry = reader.next(); entry != null; entry = reader.next()) {
                String where = "entry " + entry.name();
                Matcher m = ENTRY.matcher(entry.name());
                if (!m.matches()) {
                    throw new DataFormatException(tar, where + ": name does not match "
                            + "data/{class:03d}.{model}_{id:09d}.{rotation:03d}.npy.z");
                }
                int cls = Integer.parseInt(m.group(2));
                int rotation = Integer.parseInt(m.group(5));
                if (cls < 1 || cls > CLASS_NAMES.size()) {
                    throw new DataFormatException(tar, where + ": class prefix " + m.group(2) + " is outside 1..10");
                }
                if (rotation < 1) {
                    throw new DataFormatException(tar, where + ": rotation " + m.group(5)
                            + " is outside 1..999 (rotations count from 1)");
                }
                byte[] npy = inflate(reader.content(GRID_NPY_LIMIT), tar, where);
                NpyArray grid = NpyFormat.read(new ByteArrayInputStream(npy), tar, where);
                checkGridShape(grid.dtype(), grid.shape(), tar, where);
                byte[] packed = new byte[VoxelDataset.PACKED_BYTES];
                checkValues(VoxelDataset.pack(grid.data(), 0, packed, 0), grid.data(), 0, tar, where);
                classes.put(m.group(1), cls - 1);
                if (objects.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(rotation, packed) != null) {
                    throw new DataFormatException(tar, where + ": rotation " + rotation + " of object " + m.group(1)
                            + " appears twice");
                }
            }
        }
        if (objects.isEmpty()) {
            throw new DataFormatException(tar, "the archive holds no .npy.z entries");
        }
        int rotations = objects.values().stream().mapToInt(TreeMap::lastKey).max().orElse(1);
        byte[][] grids = new byte[objects.size()][];
        int[] labels = new int[objects.size()];
        int o = 0;
        for (Map.Entry<String, TreeMap<Integer, byte[]>> object : objects.entrySet()) {
            TreeMap<Integer, byte[]> byRotation = object.getValue();
            if (byRotation.size() != rotations) {
                int missing = 1;
                while (byRotation.containsKey(missing)) {
                    missing++;
                }
                throw new DataFormatException(tar, "object " + object.getKey() + " lacks rotation " + missing
                        + " (other objects have rotations 1.." + rotations + ")");
            }
            grids[o] = new byte[rotations * VoxelDataset.PACKED_BYTES];
            for (Map.Entry<Integer, byte[]> r : byRotation.entrySet()) {
                System.arraycopy(r.getValue(), 0, grids[o], (r.getKey() - 1) * VoxelDataset.PACKED_BYTES,
                        VoxelDataset.PACKED_BYTES);
            }
            labels[o++] = classes.get(object.getKey());
        }
        return new VoxelDataset("modelnet10/" + tar.getFileName(), rotations, grids, labels, CLASS_NAMES);
    }

    /** SMASH's npz: {@code data} uint8 (N, rotations, 32, 32, 32) of 0s and 1s, {@code labels} 0..9. */
    public static VoxelDataset readSmashNpz(Path file) throws IOException {
        try (NpzFormat npz = NpzFormat.open(file)) {
            NpyArray labelArray = npz.read("labels");
            try (NpzFormat.Stream data = npz.stream("data")) {
                long[] shape = data.header().shape();
                if (data.header().dtype() != NpyFormat.DType.UINT8 || shape.length != 5 || shape[2] != 32
                        || shape[3] != 32 || shape[4] != 32 || shape[1] < 1) {
                    throw new DataFormatException(file, "entry data.npy: wrong shape: expected uint8 voxels of shape "
                            + "(N, rotations, 32, 32, 32), found " + data.header().dtype().descr() + " "
                            + data.header().shapeText());
                }
                int[] labels = labels(labelArray, shape[0], file);
                int rotations = Math.toIntExact(shape[1]);
                byte[][] grids = new byte[labels.length][rotations * VoxelDataset.PACKED_BYTES];
                byte[] grid = new byte[VoxelDataset.VOXELS];
                InputStream in = data.data();
                for (int o = 0; o < labels.length; o++) {
                    for (int r = 0; r < rotations; r++) {
                        if (in.readNBytes(grid, 0, grid.length) < grid.length) {
                            throw new DataFormatException(file, "entry data.npy: truncated data: grid " + r
                                    + " of object " + o + " ends early");
                        }
                        int bad = VoxelDataset.pack(grid, 0, grids[o], r * VoxelDataset.PACKED_BYTES);
                        checkValues(bad, grid, 0, file, "entry data.npy: object " + o + ", rotation " + r);
                    }
                }
                return new VoxelDataset("modelnet10/" + file.getFileName(), rotations, grids, labels, CLASS_NAMES);
            }
        }
    }

    private static int[] labels(NpyArray array, long objects, Path file) throws DataFormatException {
        if (!array.dtype().isInteger() || array.shape().length != 1) {
            throw new DataFormatException(file, "entry labels.npy: expected a 1-D integer array, found "
                    + array.dtype().descr() + " " + array.shapeText());
        }
        if (array.count() != objects) {
            throw new DataFormatException(file, "entry labels.npy: object/label count mismatch: " + array.count()
                    + " labels for " + objects + " objects");
        }
        int[] labels = new int[array.count()];
        for (int i = 0; i < labels.length; i++) {
            long v = array.longAt(i);
            if (v < 0 || v >= CLASS_NAMES.size()) {
                throw new DataFormatException(file, "entry labels.npy: label " + v + " of object " + i
                        + " is out of range 0..9 (SMASH's labels are read as 0-based)");
            }
            labels[i] = (int) v;
        }
        return labels;
    }

    private static void checkGridShape(NpyFormat.DType dtype, long[] shape, Path file, String where)
            throws DataFormatException {
        if (dtype != NpyFormat.DType.UINT8) {
            throw new DataFormatException(file, where + ": expected uint8 voxels, found " + dtype.descr());
        }
        if (shape.length != 3 || shape[0] != 32 || shape[1] != 32 || shape[2] != 32) {
            throw new DataFormatException(file, where + ": wrong shape " + NpyFormat.shapeText(shape)
                    + " (expected (32, 32, 32))");
        }
    }

    private static void checkValues(int bad, byte[] grid, int offset, Path file, String where)
            throws DataFormatException {
        if (bad >= 0) {
            int i = bad / 1024;
            int j = bad / 32 % 32;
            int k = bad % 32;
            throw new DataFormatException(file, where + ": voxel (" + i + ", " + j + ", " + k + ") holds "
                    + (grid[offset + bad] & 0xFF) + ", not 0 or 1");
        }
    }

    /** Inflates a whole zlib stream (header, deflate data, Adler-32), refusing corrupt or cut-off ones. */
    static byte[] inflate(byte[] compressed, Path file, String where) throws DataFormatException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(compressed);
            ByteArrayOutputStream out = new ByteArrayOutputStream(VoxelDataset.VOXELS + 128);
            byte[] piece = new byte[1 << 15];
            while (!inflater.finished()) {
                int n = inflater.inflate(piece);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException(file, where + ": bad zlib stream: "
                            + (inflater.needsDictionary() ? "needs a preset dictionary" : "ends early (truncated)"));
                }
                out.write(piece, 0, n);
                if (out.size() > GRID_NPY_LIMIT) {
                    throw new DataFormatException(file, where + ": bad zlib stream: inflates to more than "
                            + GRID_NPY_LIMIT + " bytes, too much for a 32^3 grid");
                }
            }
            return out.toByteArray();
        } catch (java.util.zip.DataFormatException e) {
            throw new DataFormatException(file, where + ": bad zlib stream: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
