/**
 * The data layer in plain Java (no tensor library): immutable uint8 image sets, loaders for the standard
 * on-disk formats (IDX, CIFAR-10/100 binary, STL-10 binary, ImageNet32x32 pickles or npz; numpy npy/npz), a
 * named registry, seeded validation splits, deterministic augmentation and batching with optional
 * prefetching, and image files for prediction.
 * ModelNet10 voxels ({@link org.smash4j.data.ModelNet10Format}) load into their own
 * {@link org.smash4j.data.VoxelDataset}, kept apart from the 2-D image sets until there are 3-D networks.
 * Every random choice comes from {@link org.smash4j.util.RandomStreams}, so a batch is a pure function of
 * (seed, epoch, batch index) and a resumed run sees exactly the batches an uninterrupted one would.
 */
package org.smash4j.data;
