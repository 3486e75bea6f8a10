/**
 * The data layer in plain Java (no tensor library): immutable uint8 image sets, loaders for the standard
 * on-disk formats (IDX, CIFAR-10/100 binary, STL-10 binary), a named registry, seeded validation splits,
 * deterministic augmentation and batching with optional prefetching, and image files for prediction.
 * Every random choice comes from {@link org.smash4j.util.RandomStreams}, so a batch is a pure function of
 * (seed, epoch, batch index) and a resumed run sees exactly the batches an uninterrupted one would.
 */
package org.smash4j.data;
