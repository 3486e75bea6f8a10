package org.smash4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFilesTest {
    @TempDir
    Path dir;

    private Path png(String name, int[][] rgb) throws Exception {
        BufferedImage image = new BufferedImage(rgb[0].length, rgb.length, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < rgb.length; y++) {
            for (int x = 0; x < rgb[0].length; x++) {
                image.setRGB(x, y, rgb[y][x]);
            }
        }
        Path file = dir.resolve(name);
        assertTrue(ImageIO.write(image, "png", file.toFile()));
        return file;
    }

    private static int grey(int v) {
        return v << 16 | v << 8 | v;
    }

    private static byte[] bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    @Test
    void rgbAtTheSameSizeComesBackAsPlanes() throws Exception {
        Path file = png("rgb.png", new int[][] {{0xFF0000, 0x00FF00}, {0x0000FF, 0x0A141E}});
        assertArrayEquals(bytes(255, 0, 0, 10, /* green */ 0, 255, 0, 20, /* blue */ 0, 0, 255, 30),
                ImageFiles.load(file, 3, 2, 2));
    }

    @Test
    void greyUsesItuR601Luma() throws Exception {
        Path file = png("rgb.png", new int[][] {{0xFF0000, 0x00FF00}, {0x0000FF, 0x0A141E}});
        // 0.299*255 = 76.2; 0.587*255 = 149.7; 0.114*255 = 29.1; 0.299*10 + 0.587*20 + 0.114*30 = 18.15
        assertArrayEquals(bytes(76, 150, 29, 18), ImageFiles.load(file, 1, 2, 2));
    }

    @Test
    void upscalingIsBilinearWithHalfPixelCentres() throws Exception {
        Path file = png("small.png", new int[][] {{grey(0), grey(100)}, {grey(200), grey(40)}});
        // Weights per output position: [1,0], [.75,.25], [.25,.75], [0,1] in both directions.
        byte[] expected = bytes(
                0, 25, 75, 100,
                50, 59, 76, 85,          // 58.75, 76.25 rounded
                150, 126, 79, 55,        // 126.25, 78.75 rounded
                200, 160, 80, 40);
        assertArrayEquals(expected, ImageFiles.load(file, 1, 4, 4));
    }

    @Test
    void downscalingAveragesWithAWidenedTriangle() throws Exception {
        // v(y, x) = a[x] + b[y], a = 0,70,140,210 and b = 0,7,14,21. Halving uses weights (3,3,1,0)/7 and
        // (0,1,3,3)/7, so a -> 50, 160 and b -> 5, 16; the filter is linear, so out = a' + b'.
        int[] a = {0, 70, 140, 210};
        int[] b = {0, 7, 14, 21};
        int[][] rgb = new int[4][4];
        for (int y = 0; y < 4; y++) {
            for (int x = 0; x < 4; x++) {
                rgb[y][x] = grey(a[x] + b[y]);
            }
        }
        assertArrayEquals(bytes(55, 165, 66, 176), ImageFiles.load(png("big.png", rgb), 1, 2, 2));
    }

    @Test
    void readsJpegToo() throws Exception {
        BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 16; y++) {
            for (int x = 0; x < 16; x++) {
                image.setRGB(x, y, grey(128));
            }
        }
        Path file = dir.resolve("flat.jpg");
        assertTrue(ImageIO.write(image, "jpeg", file.toFile()));
        byte[] out = ImageFiles.load(file, 1, 4, 4);
        for (byte v : out) {
            assertEquals(128, v & 0xFF, 2); // JPEG is lossy, but a flat grey survives within a level or two
        }
    }

    @Test
    void missingAndUndecodableFilesAreNamed() throws Exception {
        Path missing = dir.resolve("nope.png");
        DataFormatException e = assertThrows(DataFormatException.class, () -> ImageFiles.load(missing, 1, 28, 28));
        assertEquals(missing + ": file not found (expected a PNG or JPEG image)", e.getMessage());
        Path text = Files.writeString(dir.resolve("notes.png"), "not an image");
        e = assertThrows(DataFormatException.class, () -> ImageFiles.load(text, 1, 28, 28));
        assertEquals(text + ": is not an image format javax.imageio can read (use PNG or JPEG)", e.getMessage());
    }
}
