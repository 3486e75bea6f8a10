package org.smash4j.cli;

import org.smash4j.data.DataSets;
import org.smash4j.train.DataSpec;
import picocli.CommandLine.Option;

/** Which data a command trains or evaluates on. */
final class DataOptions {
    @Option(names = "--data", defaultValue = "fashion-mnist", paramLabel = "NAME",
            description = "Data set: fashion-mnist (from Debian's dataset-fashion-mnist), mnist, cifar10, cifar100, "
                    + "cifar100-coarse, stl10, imagenet32 (pickle or npz batches, or SMASH's consolidated npz; top-1 "
                    + "and top-5 error), modelnet10 (32^3 voxel grids for 3-D networks: a folder with one training and one test "
                    + "file, VoxNet/VRN .tar or SMASH's .npz, 'train'/'test' in their names), modelnet10-16 and "
                    + "modelnet10-8 (the same grids reduced to 16^3 and 8^3). Default: ${DEFAULT-VALUE}.")
    String name;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder holding the data set's files in their standard format (required for all but "
                    + "fashion-mnist, which defaults to " + DataSets.FASHION_MNIST_DIR + ").")
    String dir;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Use a seeded random subset of N training images (before the validation split); "
                    + "0 = all. Default: the preset's.")
    Integer trainLimit;

    @Option(names = "--test-limit", paramLabel = "N",
            description = "Use a seeded random subset of N test images; 0 = all. Default: the preset's.")
    Integer testLimit;

    @Option(names = "--val-fraction", defaultValue = "0.1", paramLabel = "F",
            description = "Fraction of the training images held out for validation (seeded). Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    DataSpec spec(int defaultTrainLimit, int defaultTestLimit, long seed) {
        return new DataSpec(name, dir, trainLimit == null ? defaultTrainLimit : trainLimit,
                testLimit == null ? defaultTestLimit : testLimit, validationFraction, seed);
    }
}
