package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

/** Chunked storage, with a 10-byte chunk limit so that 4-byte images span three chunks (2 + 2 + 1). */
class PixelStoreTest {
    private static byte[] counting(int n) {
        byte[] bytes = new byte[n];
        for (int k = 0; k < n; k++) {
            bytes[k] = (byte) k;
        }
        return bytes;
    }

    @Test
    void readsAcrossChunkBoundariesInOrder() throws Exception {
        PixelStore.Builder builder = new PixelStore.Builder(5, 4, 10);
        assertEquals(20, builder.readAll(new ByteArrayInputStream(counting(20))));
        PixelStore store = builder.build();
        assertEquals(5, store.count());
        assertEquals(13, store.get(3, 1)); // image 3 starts at byte 12
        assertEquals(19, store.get(4, 3)); // image 4 is alone in the third chunk
        byte[] out = new byte[6];
        store.copyImage(2, out, 1);
        assertArrayEquals(new byte[] {0, 8, 9, 10, 11, 0}, out);
    }

    @Test
    void shortStreamReportsHowMuchWasRead() throws Exception {
        PixelStore.Builder builder = new PixelStore.Builder(5, 4, 10);
        assertEquals(13, builder.readAll(new ByteArrayInputStream(counting(13))));
    }

    @Test
    void selectCopiesImagesInTheGivenOrder() throws Exception {
        PixelStore.Builder builder = new PixelStore.Builder(5, 4, 10);
        builder.readAll(new ByteArrayInputStream(counting(20)));
        PixelStore picked = builder.build().select(new int[] {4, 0, 4});
        assertEquals(3, picked.count());
        assertEquals(16, picked.get(0, 0));
        assertEquals(3, picked.get(1, 3));
        assertEquals(18, picked.get(2, 2));
    }

    @Test
    void isFrozenOnceBuilt() {
        PixelStore.Builder builder = new PixelStore.Builder(1, 4, 10);
        builder.build();
        assertThrows(IllegalStateException.class, () -> builder.set(0, new byte[4], 0));
    }
}
