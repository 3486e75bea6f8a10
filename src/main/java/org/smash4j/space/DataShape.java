package org.smash4j.space;

import java.util.Locale;

/**
 * What a search space takes from its data: image channels, height and width, the number of classes and whether
 * the samples are images or voxel grids (2 or 3 spatial dimensions; a grid is as deep as it is high). The
 * architecture itself (banks, ops, convs) does not depend on them, so an architecture found on one data set is a
 * valid point of the same space fitted to another; only the stem (input channels), the head (classes) and the
 * spatial size of each block change.
 *
 * @param dataSet  the data set's name, for messages
 * @param channels image channels
 * @param height   image height
 * @param width    image width
 * @param classes  number of classes
 * @param spatialDims 2 for images, 3 for cubic voxel grids (height x height x width)
 */
public record DataShape(String dataSet, int channels, int height, int width, int classes, int spatialDims) {
    /** The shape of a set of images. */
    public DataShape(String dataSet, int channels, int height, int width, int classes) {
        this(dataSet, channels, height, width, classes, 2);
    }

    /**
     * {@code space} with its input shape and class count taken from this data.
     *
     * @throws IllegalArgumentException naming the reason when the networks cannot run on these images
     */
    public SearchSpaceConfig fit(SearchSpaceConfig space) {
        if (height != width) {
            throw new IllegalArgumentException(dataSet + " has " + height + "x" + width
                    + " images; the networks need square images");
        }
        if (spatialDims != 2 && spatialDims != 3) {
            throw new IllegalArgumentException(dataSet + ": samples must have 2 or 3 spatial dimensions, not "
                    + spatialDims);
        }
        // Block 0 runs at full resolution, blocks 1 and 2 after a 2x2 average pool each (stride 2, no padding,
        // rounding down): a side that is not a multiple of 4 would silently lose rows and columns.
        if (height < 4 || height % 4 != 0) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%s has %dx%d images, which do not"
                    + " survive the network's two 2x2 average-pool transitions (%d -> %s -> %s); the side must be a"
                    + " multiple of 4 (crop or resize the images)", dataSet, height, width, height,
                    half(height), half(height / 2)));
        }
        if (classes < 2) {
            throw new IllegalArgumentException(dataSet + " has " + classes + " class; a classifier needs >= 2");
        }
        return space.toBuilder().optInChannels(channels).optResolution(height).optNumClasses(classes)
                .optSpatialDims(spatialDims).build();
    }

    /** The shape a search space was fitted to. */
    public static DataShape of(String dataSet, SearchSpaceConfig space) {
        return new DataShape(dataSet, space.inChannels(), space.resolution(), space.resolution(), space.numClasses(),
                space.spatialDims());
    }

    /** "3x32x32, 20 classes"; a voxel grid "1x32x32x32, 10 classes". */
    public String describe() {
        return channels + "x" + (spatialDims == 3 ? height + "x" : "") + height + "x" + width + ", " + classes
                + " classes";
    }

    private static String half(int side) {
        return side % 2 == 0 ? Integer.toString(side / 2) : side / 2 + " (" + side + " is odd)";
    }
}
