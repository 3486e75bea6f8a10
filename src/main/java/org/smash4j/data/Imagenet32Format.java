package org.smash4j.data;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.smash4j.util.RandomStreams;

/**
 * Loads ImageNet32x32 (Chrabaszcz et al. 2017): 1,000 classes of 32x32 RGB images, 1,281,167 for training and
 * 50,000 for validation (our test set). Three on-disk layouts are read, tried in this order:
 * <ol>
 *   <li>SMASH's consolidated {@code imagenet32_train.npz} / {@code imagenet32_val.npz}: {@code data} uint8
 *       (N, 3, 32, 32) and {@code labels}. SMASH feeds these labels straight into a 1000-way loss, so they are
 *       taken as <b>0-based</b> (0..999); anything else is refused.</li>
 *   <li>the npz version {@code train_data_batch_1..10.npz} + {@code val_data.npz}, and</li>
 *   <li>the pickle version {@code train_data_batch_1..10} + {@code val_data} (python pickles, protocols 2-4,
 *       read by {@link PickleReader}): in both, {@code data} uint8 (n, 3072) as CIFAR lays it out (red, green,
 *       blue planes, each row-major 32x32) and {@code labels} <b>1..1000</b>, which become 0..999.</li>
 * </ol>
 * Files are looked for in the given folder and in its {@code Imagenet32_train[_npz]} /
 * {@code Imagenet32_val[_npz]} subfolders, as the downloads unpack. All ten training batches must be present.
 *
 * <p><b>Memory.</b> Images stay uint8 ({@link PixelStore}, 1 GiB chunks): the full training set takes
 * 1,281,167 x 3,072 B = 3.94 GB of heap plus 5 MB of labels, the validation set 154 MB. Files are streamed row
 * by row (a pickle's image string is located, not read; an npz entry is inflated as it is read), so nothing
 * else of that size is held. A validation split ({@link Splits}) copies the images once more, so a run on the
 * full set needs about 8 GB for the data alone: give the JVM -Xmx12g or more. With {@code limit} > 0,
 * {@link #readTrain(Path, int, long)} keeps only a seeded subset while reading, using {@code limit} x 3,072 B;
 * it picks exactly the images {@link ImageDataset#randomSubset} would pick from the full set.
 */
public final class Imagenet32Format {
    public static final int SIDE = 32;
    public static final int CHANNELS = 3;
    public static final int CLASSES = 1000;
    public static final int TRAIN_BATCHES = 10;
    private static final int IMAGE_BYTES = CHANNELS * SIDE * SIDE;

    /**
     * The files carry no class names; class k is named after its 1-based label k+1 in the batch files, which
     * is also its line in the dataset's map_clsloc.txt.
     */
    public static final List<String> CLASS_NAMES = IntStream.rangeClosed(1, CLASSES)
            .mapToObj(k -> "class_" + k).collect(Collectors.toUnmodifiableList());

    private Imagenet32Format() {
    }

    /** The full training set (1,281,167 images in the real files). */
    public static ImageDataset readTrain(Path dir) throws IOException {
        return readTrain(dir, 0, 0);
    }

    /**
     * The training set, or with {@code 0 < limit < size} the same seeded subset that
     * {@code readTrain(dir).randomSubset(limit, seed)} gives, without ever holding the other images.
     */
    public static ImageDataset readTrain(Path dir, int limit, long seed) throws IOException {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        return readTrain(dir, limit, seed, PickleReader.DEFAULT_INLINE_LIMIT);
    }

    /** With a chosen pickle inline limit, so tests can exercise the streamed path with tiny files. */
    static ImageDataset readTrain(Path dir, int limit, long seed, int inlineLimit) throws IOException {
        return assemble("imagenet32/train", trainParts(dir, inlineLimit), limit, seed);
    }

    /** The validation set (50,000 images), which plays the test set. */
    public static ImageDataset readVal(Path dir) throws IOException {
        return assemble("imagenet32/val", valParts(dir, PickleReader.DEFAULT_INLINE_LIMIT), 0, 0);
    }

    /** One file's images: its labels (0-based) and a way to stream its rows of 3,072 bytes. */
    private record Part(Path file, String where, int[] labels, Rows rows) {
    }

    private interface Rows {
        InputStream open() throws IOException;
    }

    private static List<Part> trainParts(Path dir, int inlineLimit) throws IOException {
        List<Path> folders = List.of(dir, dir.resolve("Imagenet32_train"), dir.resolve("Imagenet32_train_npz"));
        Path consolidated = find(folders, "imagenet32_train.npz");
        if (consolidated != null) {
            return List.of(npzPart(consolidated, true));
        }
        Path firstNpz = find(folders, "train_data_batch_1.npz");
        Path firstPickle = firstNpz != null ? null : find(folders, "train_data_batch_1");
        if (firstNpz == null && firstPickle == null) {
            throw new DataFormatException(dir, "no ImageNet32x32 training files: expected imagenet32_train.npz, "
                    + "train_data_batch_1..10.npz or train_data_batch_1..10 here or in Imagenet32_train[_npz]/");
        }
        List<Part> parts = new ArrayList<>();
        for (int k = 1; k <= TRAIN_BATCHES; k++) {
            Path file = firstNpz != null ? firstNpz.resolveSibling("train_data_batch_" + k + ".npz")
                    : firstPickle.resolveSibling("train_data_batch_" + k);
            DataFiles.requireFile(file, "ImageNet32x32 training batch " + k + " of " + TRAIN_BATCHES);
            parts.add(firstNpz != null ? npzPart(file, false) : picklePart(file, inlineLimit));
        }
        return parts;
    }

    private static List<Part> valParts(Path dir, int inlineLimit) throws IOException {
        List<Path> folders = List.of(dir, dir.resolve("Imagenet32_val"), dir.resolve("Imagenet32_val_npz"));
        Path consolidated = find(folders, "imagenet32_val.npz");
        if (consolidated != null) {
            return List.of(npzPart(consolidated, true));
        }
        Path npz = find(folders, "val_data.npz");
        if (npz != null) {
            return List.of(npzPart(npz, false));
        }
        Path pickle = find(folders, "val_data");
        if (pickle != null) {
            return List.of(picklePart(pickle, inlineLimit));
        }
        throw new DataFormatException(dir, "no ImageNet32x32 validation file: expected imagenet32_val.npz, "
                + "val_data.npz or val_data here or in Imagenet32_val[_npz]/");
    }

    private static Path find(List<Path> folders, String name) {
        for (Path folder : folders) {
            if (Files.isRegularFile(folder.resolve(name))) {
                return folder.resolve(name);
            }
        }
        return null;
    }

    /** An npz with {@code data} and {@code labels}: SMASH's (N,3,32,32) 0-based, or a batch's (n,3072) 1-based. */
    private static Part npzPart(Path file, boolean consolidated) throws IOException {
        long[] shape;
        NpyArray labelArray;
        try (NpzFormat npz = NpzFormat.open(file)) {
            NpyFormat.Header data = npz.header("data");
            shape = data.shape();
            String expected = consolidated ? "(N, 3, 32, 32)" : "(n, 3072)";
            boolean shapeOk = consolidated ? shape.length == 4 && shape[1] == CHANNELS && shape[2] == SIDE
                    && shape[3] == SIDE : shape.length == 2 && shape[1] == IMAGE_BYTES;
            if (!shapeOk || data.dtype() != NpyFormat.DType.UINT8) {
                throw new DataFormatException(file, "entry data.npy: expected uint8 images of shape " + expected
                        + ", found " + data.dtype().descr() + " " + data.shapeText());
            }
            labelArray = npz.read("labels");
        }
        if (!labelArray.dtype().isInteger() || labelArray.shape().length != 1) {
            throw new DataFormatException(file, "entry labels.npy: expected a 1-D integer array, found "
                    + labelArray.dtype().descr() + " " + labelArray.shapeText());
        }
        long[] values = labelArray.toLongs();
        int base = consolidated ? 0 : 1;
        String where = "entry labels.npy";
        int[] labels = labels(file, where, values, shape[0], base, consolidated
                ? " (SMASH's consolidated files are read as 0-based; 1-based labels must be shifted)" : "");
        return new Part(file, "entry data.npy", labels, () -> {
            NpzFormat npz = NpzFormat.open(file);
            try {
                return new ClosingStream(npz.stream("data"), npz);
            } catch (IOException | RuntimeException e) {
                npz.close();
                throw e;
            }
        });
    }

    /** A pickled dict with {@code data} (n, 3072) uint8 and {@code labels}, a list of ints 1..1000. */
    private static Part picklePart(Path file, int inlineLimit) throws IOException {
        Object top = PickleReader.read(file, inlineLimit);
        if (!(top instanceof Map)) {
            throw new DataFormatException(file, "the pickle holds " + PickledNumpy.describe(top)
                    + ", expected a dict with 'data' and 'labels'");
        }
        Map<?, ?> dict = (Map<?, ?>) top;
        Object data = dict.get("data");
        Object labelList = dict.get("labels");
        if (!(data instanceof PickledNumpy.NdArray)) {
            throw new DataFormatException(file, "key 'data' is " + (data == null ? "missing (keys: " + dict.keySet()
                    + ")" : PickledNumpy.describe(data) + ", expected a numpy array"));
        }
        if (!(labelList instanceof List)) {
            throw new DataFormatException(file, "key 'labels' is " + (labelList == null ? "missing (keys: "
                    + dict.keySet() + ")" : PickledNumpy.describe(labelList) + ", expected a list of ints"));
        }
        PickledNumpy.NdArray array = (PickledNumpy.NdArray) data;
        String shape = NpyFormat.shapeText(array.shape);
        if (NpyFormat.DType.parse(array.dtype.descr()) != NpyFormat.DType.UINT8 || array.shape.length != 2
                || array.shape[1] != IMAGE_BYTES) {
            throw new DataFormatException(file, "key 'data': expected uint8 images of shape (n, 3072), found "
                    + array.dtype.descr() + " " + shape);
        }
        if (array.fortran) {
            throw new DataFormatException(file, "key 'data': fortran order is not supported (C order expected)");
        }
        if (array.data.length() != array.shape[0] * IMAGE_BYTES) {
            throw new DataFormatException(file, "key 'data': shape/size mismatch: shape " + shape + " needs "
                    + array.shape[0] * IMAGE_BYTES + " bytes, the pickle holds " + array.data.length());
        }
        List<?> list = (List<?>) labelList;
        long[] values = new long[list.size()];
        for (int i = 0; i < values.length; i++) {
            if (!(list.get(i) instanceof Long)) {
                throw new DataFormatException(file, "key 'labels': item " + i + " is "
                        + PickledNumpy.describe(list.get(i)) + ", expected an int");
            }
            values[i] = (Long) list.get(i);
        }
        int[] labels = labels(file, "key 'labels'", values, array.shape[0], 1, "");
        return new Part(file, "key 'data'", labels, () -> array.data.open(file));
    }

    /** Checks count and range of labels numbered from {@code base}; returns them 0-based. */
    private static int[] labels(Path file, String where, long[] values, long images, int base, String hint)
            throws DataFormatException {
        if (values.length != images) {
            throw new DataFormatException(file, where + ": image/label count mismatch: " + values.length
                    + " labels for " + images + " images");
        }
        int[] labels = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            if (values[i] < base || values[i] >= base + CLASSES) {
                throw new DataFormatException(file, where + ": label " + values[i] + " of image " + i
                        + " is out of range " + base + ".." + (base + CLASSES - 1) + hint);
            }
            labels[i] = (int) (values[i] - base);
        }
        return labels;
    }

    /**
     * Reads the parts in order, keeping every image or, for {@code 0 < limit < total}, the first {@code limit}
     * of the permutation {@link ImageDataset#randomSubset} draws, in their original order.
     */
    private static ImageDataset assemble(String name, List<Part> parts, int limit, long seed) throws IOException {
        int total = 0;
        for (Part p : parts) {
            total = Math.addExact(total, p.labels().length);
        }
        boolean[] keep = null;
        int count = total;
        if (limit > 0 && limit < total) {
            int[] order = Permutations.shuffled(total, RandomStreams.of(seed, "subset"));
            keep = new boolean[total];
            for (int i = 0; i < limit; i++) {
                keep[order[i]] = true;
            }
            count = limit;
            name = name + "[random " + limit + ", seed " + seed + "]";
        }
        PixelStore.Builder pixels = new PixelStore.Builder(count, IMAGE_BYTES);
        int[] labels = new int[count];
        byte[] row = new byte[IMAGE_BYTES];
        int index = 0;
        int kept = 0;
        for (Part part : parts) {
            int n = part.labels().length;
            if (keep != null && !anyKept(keep, index, n)) {
                index += n; // a file none of whose images are kept need not be opened
                continue;
            }
            try (InputStream in = part.rows().open()) {
                for (int r = 0; r < n; r++, index++) {
                    if (keep == null || keep[index]) {
                        if (in.readNBytes(row, 0, IMAGE_BYTES) < IMAGE_BYTES) {
                            throw truncated(part, r, n);
                        }
                        pixels.set(kept, row, 0);
                        labels[kept++] = part.labels()[r];
                    } else {
                        try {
                            in.skipNBytes(IMAGE_BYTES);
                        } catch (EOFException e) {
                            throw truncated(part, r, n);
                        }
                    }
                }
            }
        }
        return new ImageDataset(name, CHANNELS, SIDE, SIDE, pixels.build(), labels, CLASS_NAMES);
    }

    private static boolean anyKept(boolean[] keep, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (keep[i]) {
                return true;
            }
        }
        return false;
    }

    private static DataFormatException truncated(Part part, int image, int count) {
        return new DataFormatException(part.file(), part.where() + ": truncated data: image " + image + " of "
                + count + " ends early");
    }

    /** The data stream of an npz entry that also closes its archive. */
    private static final class ClosingStream extends FilterInputStream {
        private final NpzFormat npz;

        ClosingStream(NpzFormat.Stream stream, NpzFormat npz) {
            super(stream.data());
            this.npz = npz;
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                npz.close();
            }
        }
    }
}
