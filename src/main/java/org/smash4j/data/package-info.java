/**
 * The data layer in plain Java (no tensor library): immutable uint8 image sets, loaders for the standard
 * on-disk formats (IDX, CIFAR-10/100 binary, STL-10 binary, ImageNet32x32 pickles or npz; numpy npy/npz), a
 * named registry, seeded validation splits, deterministic augmentation and batching with optional
 * prefetching, and image files for prediction.
 * ModelNet10 voxels ({@link org.smash4j.data.ModelNet10Format}) load into a bit-packed
 * {@link org.smash4j.data.VoxelDataset}; for training they become an {@link org.smash4j.data.ImageDataset} of
 * voxel grids (one sample per grid, NCDHW, optionally reduced to 16^3 or 8^3), so splits, summaries, batching and
 * evaluation are the images' own, with SMASH's scaling ({@link org.smash4j.data.Normalization#VOXELS}) and jitter
 * ({@link org.smash4j.data.Augmentation#VOXEL_JITTER}) as the data set's normalisation and augmentation. The
 * rotations of one object share an object id, so splits keep them together and evaluation averages over them.
 * Every random choice comes from {@link org.smash4j.util.RandomStreams}, so a batch is a pure function of
 * (seed, epoch, batch index) and a resumed run sees exactly the batches an uninterrupted one would.
 */
package org.smash4j.data;
