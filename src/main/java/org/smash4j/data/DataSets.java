package org.smash4j.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Opens a data set by name, with its normalisation and augmentation, so the command line and the experiments
 * share one place that knows where each set lives and how it is prepared.
 *
 * <ul>
 *   <li>{@code fashion-mnist} (default folder {@value #FASHION_MNIST_DIR}, Debian package
 *       dataset-fashion-mnist): normalised by its own training-set statistics; crop (pad 2) + flip.</li>
 *   <li>{@code mnist}: folder required; own statistics; no augmentation (flipping or shifting digits changes
 *       what they mean).</li>
 *   <li>{@code cifar10}, {@code cifar100}, {@code cifar100-coarse}: folder required (the
 *       {@code cifar-10-batches-bin}/{@code cifar-100-binary} folder or its parent); published constants;
 *       crop (pad 4) + flip.</li>
 *   <li>{@code stl10}: folder required ({@code stl10_binary} or its parent); published constants; crop at full
 *       96x96 size with pad 12 + flip.</li>
 *   <li>{@code imagenet32}: folder required (SMASH's imagenet32_train/val.npz, or the Imagenet32_train/val
 *       batches as pickles or npz, or their parent; see {@link Imagenet32Format}); published constants;
 *       crop (pad 4) + flip, as SMASH. The validation set is the test set. The full training set takes 3.9 GB
 *       of heap; {@link #open(String, Path, int, long)} reads a subset without loading the rest.</li>
 *   <li>{@code modelnet10}: 32x32x32 voxel grids for the 3-D networks; folder required, holding one training and
 *       one test file, each a VoxNet/VRN tar or SMASH's npz ({@link ModelNet10Format}), told apart by "train" and
 *       "test" in their names. SMASH's scaling (empty -1, occupied 5) and jitter (flips, shifts with
 *       wrap-around). {@code modelnet10-16} and {@code modelnet10-8} are the same grids reduced to 16^3 and 8^3
 *       (a cell is occupied when any of its voxels is), 8 and 64 times cheaper to train on.</li>
 * </ul>
 */
public final class DataSets {
    public static final String FASHION_MNIST_DIR = "/usr/share/datasets/fashion-mnist";

    /** The names {@link #open} accepts. */
    public static final List<String> NAMES = List.of("fashion-mnist", "mnist", "cifar10", "cifar100",
            "cifar100-coarse", "stl10", "imagenet32", "modelnet10", "modelnet10-16", "modelnet10-8");

    private DataSets() {
    }

    /**
     * Loads data set {@code name} from {@code dataDir}.
     *
     * @param dataDir the folder with the files; may be null for fashion-mnist (then {@value #FASHION_MNIST_DIR})
     * @throws DataFormatException when the folder or a file is missing or malformed (the message names it)
     * @throws IllegalArgumentException for an unknown name, or no folder where one is required
     */
    public static TrainTestData open(String name, Path dataDir) throws IOException {
        return open(name, dataDir, 0, 0);
    }

    /**
     * Like {@link #open(String, Path)}, with the training set cut to {@code trainLimit} images (0 = all):
     * exactly those {@code train().randomSubset(trainLimit, subsetSeed)} would keep. ImageNet32x32 picks them
     * while reading, so the rest never occupies memory; the other sets are loaded whole, then cut.
     */
    public static TrainTestData open(String name, Path dataDir, int trainLimit, long subsetSeed)
            throws IOException {
        if (trainLimit < 0) {
            throw new IllegalArgumentException("trainLimit must be >= 0, got " + trainLimit);
        }
        TrainTestData data = openFull(name, dataDir, trainLimit, subsetSeed);
        if (trainLimit > 0 && trainLimit < data.train().size()) {
            return new TrainTestData(data.name(), data.train().randomSubset(trainLimit, subsetSeed), data.test(),
                    data.normalization(), data.augmentation());
        }
        return data;
    }

    // trainLimit and subsetSeed are used only by the loaders that subset while reading.
    private static TrainTestData openFull(String name, Path dataDir, int trainLimit, long subsetSeed)
            throws IOException {
        String key = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        switch (key) {
            case "fashion-mnist": {
                Path dir = dataDir != null ? dataDir : Path.of(FASHION_MNIST_DIR);
                requireDirectory(key, dir, "install the Debian package dataset-fashion-mnist "
                        + "(apt-get install dataset-fashion-mnist) or pass the folder with the IDX files");
                ImageDataset train = MnistFormat.readTrain(dir, "fashion-mnist/train", MnistFormat.FASHION_CLASSES);
                ImageDataset test = MnistFormat.readTest(dir, "fashion-mnist/test", MnistFormat.FASHION_CLASSES);
                return new TrainTestData(key, train, test, Normalization.compute(train),
                        Augmentation.cropAndFlip(2));
            }
            case "mnist": {
                Path dir = required(key, dataDir, "the folder with train-images-idx3-ubyte.gz etc.");
                ImageDataset train = MnistFormat.readTrain(dir, "mnist/train", MnistFormat.DIGIT_CLASSES);
                ImageDataset test = MnistFormat.readTest(dir, "mnist/test", MnistFormat.DIGIT_CLASSES);
                return new TrainTestData(key, train, test, Normalization.compute(train), Augmentation.NONE);
            }
            case "cifar10": {
                Path dir = inner(required(key, dataDir, "the cifar-10-batches-bin folder or its parent"),
                        "cifar-10-batches-bin");
                CifarFormat.requireCifar10Counts(dir);
                return new TrainTestData(key, CifarFormat.readCifar10Train(dir), CifarFormat.readCifar10Test(dir),
                        Normalization.CIFAR10, Augmentation.cropAndFlip(4));
            }
            case "cifar100":
            case "cifar100-coarse": {
                Path dir = inner(required(key, dataDir, "the cifar-100-binary folder or its parent"),
                        "cifar-100-binary");
                CifarFormat.requireCifar100Counts(dir);
                CifarFormat.Cifar100Labels labels = key.equals("cifar100") ? CifarFormat.Cifar100Labels.FINE
                        : CifarFormat.Cifar100Labels.COARSE;
                return new TrainTestData(key, CifarFormat.readCifar100Train(dir, labels),
                        CifarFormat.readCifar100Test(dir, labels), Normalization.CIFAR100,
                        Augmentation.cropAndFlip(4));
            }
            case "stl10": {
                Path dir = inner(required(key, dataDir, "the stl10_binary folder or its parent"), "stl10_binary");
                // Fixes spec bug 28: the original code crops 32x32 out of the 96x96 images; we crop at full
                // size, with padding scaled from CIFAR's 4-in-32 (12-in-96).
                return new TrainTestData(key, Stl10Format.readTrain(dir), Stl10Format.readTest(dir),
                        Normalization.STL10, Augmentation.cropAndFlip(12));
            }
            case "imagenet32": {
                Path dir = required(key, dataDir, "the folder with ImageNet32x32 (imagenet32_train.npz, or the "
                        + "Imagenet32_train and Imagenet32_val folders or their contents)");
                return new TrainTestData(key, Imagenet32Format.readTrain(dir, trainLimit, subsetSeed),
                        Imagenet32Format.readVal(dir), Normalization.IMAGENET32, Augmentation.cropAndFlip(4));
            }
            case "modelnet10":
            case "modelnet10-16":
            case "modelnet10-8": {
                Path dir = required(key, dataDir, "the folder with ModelNet10's training and test file (VoxNet/VRN "
                        + ".tar or SMASH's modelnet10_rot24_{train,test}.npz)");
                int side = key.equals("modelnet10") ? VoxelDataset.SIDE : Integer.parseInt(key.substring(11));
                return new TrainTestData(key, readVoxels(voxelFile(dir, "train")).toGrids(side),
                        readVoxels(voxelFile(dir, "test")).toGrids(side), Normalization.VOXELS,
                        Augmentation.VOXEL_JITTER);
            }
            default:
                throw new IllegalArgumentException("unknown data set '" + name + "'; known: " + NAMES);
        }
    }

    private static Path required(String key, Path dataDir, String what) throws DataFormatException {
        if (dataDir == null) {
            throw new IllegalArgumentException("data set " + key + " needs a data directory: " + what
                    + " (it cannot be downloaded on this machine)");
        }
        requireDirectory(key, dataDir, "pass " + what);
        return dataDir;
    }

    private static void requireDirectory(String key, Path dir, String hint) throws DataFormatException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir, "data folder for " + key + " not found; " + hint);
        }
    }

    /** The one .tar or .npz file of {@code dir} whose name contains {@code split} ("train" or "test"). */
    private static Path voxelFile(Path dir, String split) throws IOException {
        List<Path> found;
        try (var files = Files.list(dir)) {
            found = files.filter(f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.contains(split) && (n.endsWith(".tar") || n.endsWith(".npz")) && Files.isRegularFile(f);
            }).sorted().toList();
        }
        if (found.size() != 1) {
            throw new DataFormatException(dir, (found.isEmpty() ? "no" : found.size()) + " ModelNet10 " + split
                    + " files (.tar or .npz with '" + split + "' in the name)" + (found.isEmpty() ? "" : ": "
                    + found.stream().map(f -> f.getFileName().toString()).toList()) + "; expected exactly one");
        }
        return found.get(0);
    }

    private static VoxelDataset readVoxels(Path file) throws IOException {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tar")
                ? ModelNet10Format.readTar(file) : ModelNet10Format.readSmashNpz(file);
    }

    /** {@code dir/child} when that folder exists (the user passed the parent), else {@code dir}. */
    private static Path inner(Path dir, String child) {
        Path nested = dir.resolve(child);
        return Files.isDirectory(nested) ? nested : dir;
    }
}
