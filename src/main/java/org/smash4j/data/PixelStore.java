package org.smash4j.data;

import java.io.IOException;
import java.io.InputStream;

/**
 * uint8 pixels of many equally sized images, stored in chunks of at most 1 GiB. A single Java array cannot
 * exceed 2^31 - 1 bytes, while ImageNet32x32 (1.28M x 3072 B = 3.9 GB) must still fit in memory at one
 * byte per value; chunking keeps that possible without changing how callers address images.
 * Instances are immutable once {@link Builder#build()} has handed them out.
 */
final class PixelStore {
    private static final int MAX_CHUNK_BYTES = 1 << 30;

    private final byte[][] chunks;
    private final int imagesPerChunk;
    private final int imageBytes;
    private final int count;

    private PixelStore(byte[][] chunks, int imagesPerChunk, int imageBytes, int count) {
        this.chunks = chunks;
        this.imagesPerChunk = imagesPerChunk;
        this.imageBytes = imageBytes;
        this.count = count;
    }

    int count() {
        return count;
    }

    int imageBytes() {
        return imageBytes;
    }

    /** The unsigned value of byte {@code offset} of image {@code image}. */
    int get(int image, int offset) {
        return chunks[image / imagesPerChunk][(image % imagesPerChunk) * imageBytes + offset] & 0xFF;
    }

    void copyImage(int image, byte[] dst, int dstOffset) {
        System.arraycopy(chunks[image / imagesPerChunk], (image % imagesPerChunk) * imageBytes,
                dst, dstOffset, imageBytes);
    }

    /** A new store holding the images at {@code indices}, in that order. */
    PixelStore select(int[] indices) {
        Builder builder = new Builder(indices.length, imageBytes, imagesPerChunk * imageBytes);
        byte[] image = new byte[imageBytes];
        for (int i = 0; i < indices.length; i++) {
            copyImage(indices[i], image, 0);
            builder.set(i, image, 0);
        }
        return builder.build();
    }

    /** Fills a store of {@code count} images once, then freezes it. */
    static final class Builder {
        private final byte[][] chunks;
        private final int imagesPerChunk;
        private final int imageBytes;
        private final int count;
        private boolean built;

        Builder(int count, int imageBytes) {
            this(count, imageBytes, MAX_CHUNK_BYTES);
        }

        /** With a smaller chunk limit, so tests can cross chunk boundaries without gigabytes of heap. */
        Builder(int count, int imageBytes, int maxChunkBytes) {
            if (count < 0 || imageBytes <= 0) {
                throw new IllegalArgumentException(
                        "need count >= 0 and imageBytes > 0, got " + count + " and " + imageBytes);
            }
            if (imageBytes > maxChunkBytes) {
                throw new IllegalArgumentException(
                        "one image of " + imageBytes + " bytes exceeds the chunk limit of " + maxChunkBytes);
            }
            this.count = count;
            this.imageBytes = imageBytes;
            this.imagesPerChunk = maxChunkBytes / imageBytes;
            int chunkCount = (count + imagesPerChunk - 1) / imagesPerChunk;
            this.chunks = new byte[chunkCount][];
            for (int k = 0; k < chunkCount; k++) {
                int images = Math.min(imagesPerChunk, count - k * imagesPerChunk);
                chunks[k] = new byte[images * imageBytes];
            }
        }

        void set(int image, byte[] src, int srcOffset) {
            checkOpen();
            System.arraycopy(src, srcOffset, chunks[image / imagesPerChunk],
                    (image % imagesPerChunk) * imageBytes, imageBytes);
        }

        /**
         * Reads all images, back to back, from {@code in}.
         *
         * @return the number of bytes read; less than {@code count * imageBytes} when the stream ended early
         */
        long readAll(InputStream in) throws IOException {
            checkOpen();
            long total = 0;
            for (byte[] chunk : chunks) {
                int n = in.readNBytes(chunk, 0, chunk.length);
                total += n;
                if (n < chunk.length) {
                    break;
                }
            }
            return total;
        }

        PixelStore build() {
            checkOpen();
            built = true;
            return new PixelStore(chunks, imagesPerChunk, imageBytes, count);
        }

        private void checkOpen() {
            if (built) {
                throw new IllegalStateException("the pixel store was already built and is now immutable");
            }
        }
    }
}
