package org.smash4j.train;

import org.smash4j.data.Augmentation;
import org.smash4j.data.DataSets;
import org.smash4j.data.DataSummary;
import org.smash4j.data.ImageDataset;
import org.smash4j.data.Normalization;
import org.smash4j.data.Splits;
import org.smash4j.data.TrainTestData;
import org.smash4j.run.RunFolder;
import org.smash4j.space.DataShape;
import org.smash4j.space.SearchSpaceConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which data a run uses, recorded in its run.json: the data set, where it is, an optional seeded subset of the
 * training set (for quick runs) and of the test set, and the held-out validation fraction. The test set is
 * only ever used for reporting.
 *
 * @param trainLimit images kept from the training set before the split (0 = all)
 * @param testLimit  images kept from the test set (0 = all)
 */
public record DataSpec(String name, String dataDir, int trainLimit, int testLimit, double validationFraction,
        long splitSeed) {
    /** The run.json section holding {@link Prepared#summary}. */
    public static final String DATA_SECTION = "data";

    public DataSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("no data set given; use --data " + DataSets.NAMES);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("validation fraction must be in (0, 1), got " + validationFraction);
        }
        if (trainLimit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("subset sizes must be >= 0");
        }
    }

    /** Loaded, subset and split data. */
    public record Prepared(String name, ImageDataset train, ImageDataset validation, ImageDataset test,
            Normalization normalization, Augmentation augmentation) {
        /** The search space with its input shape and class count taken from this data. */
        public SearchSpaceConfig fit(SearchSpaceConfig space) {
            return shape().fit(space);
        }

        /** Channels, image size and class count of this data. */
        public DataShape shape() {
            return new DataShape(name, train.channels(), train.height(), train.width(), train.classCount(),
                    train.spatialDims());
        }

        public int classCount() {
            return train.classCount();
        }

        /** Per split: image and per-class counts, pixel mean and std per channel (the run.json "data" section). */
        public Map<String, DataSummary> summary() {
            Map<String, DataSummary> out = new LinkedHashMap<>();
            out.put("train", DataSummary.of(train));
            out.put("validation", DataSummary.of(validation));
            out.put("test", DataSummary.of(test));
            return out;
        }
    }

    /** Prepares the data of a training run and records its {@link Prepared#summary} in the run's run.json. */
    public Prepared prepare(RunFolder run) throws IOException {
        Prepared data = prepare();
        run.recordSection(DATA_SECTION, data.summary());
        return data;
    }

    /**
     * Loads, subsets and splits the data, refusing a training set nothing can be learnt from
     * ({@link DataSummary#requireLearnable}).
     */
    public Prepared prepare() throws IOException {
        // The subset is picked while reading where the format allows it (ImageNet32x32: 1.28M images).
        TrainTestData d = DataSets.open(name, dataDir == null ? null : Path.of(dataDir), trainLimit, splitSeed);
        ImageDataset train = d.train();
        DataSummary.requireLearnable(train);
        ImageDataset test = testLimit > 0 && testLimit < d.test().size()
                ? d.test().randomSubset(testLimit, splitSeed) : d.test();
        Splits.TrainValidation split = Splits.holdOut(train, validationFraction, splitSeed, false);
        return new Prepared(d.name(), split.train(), split.validation(), test, d.normalization(), d.augmentation());
    }
}
