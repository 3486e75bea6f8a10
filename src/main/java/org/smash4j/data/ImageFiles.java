package org.smash4j.data;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Reads a PNG or JPEG (anything javax.imageio decodes) for prediction and brings it to a data set's shape:
 * grey (ITU-R 601 luma, as PIL's "L") or RGB, resized with a bilinear (triangle) filter that widens its
 * support when shrinking, as PIL does, so that a photo reduced to 28x28 is averaged rather than aliased.
 * Alpha is ignored.
 */
public final class ImageFiles {
    private ImageFiles() {
    }

    /**
     * The image at {@code file} as uint8 CHW ({@code channels * height * width} bytes).
     *
     * @param channels 1 (grey) or 3 (RGB)
     */
    public static byte[] load(Path file, int channels, int height, int width) throws IOException {
        if (channels != 1 && channels != 3) {
            throw new IllegalArgumentException("channels must be 1 (grey) or 3 (RGB), got " + channels);
        }
        if (height <= 0 || width <= 0) {
            throw new IllegalArgumentException("target size must be positive, got " + height + "x" + width);
        }
        DataFiles.requireFile(file, "a PNG or JPEG image");
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException e) {
            throw new DataFormatException(file, "cannot be decoded as an image: " + e.getMessage(), e);
        }
        if (image == null) {
            throw new DataFormatException(file, "is not an image format javax.imageio can read (use PNG or JPEG)");
        }
        return resize(toPlanes(image, channels), channels, image.getHeight(), image.getWidth(), height, width);
    }

    /** Float CHW planes in 0..255 of {@code image}, grey or RGB. */
    static float[] toPlanes(BufferedImage image, int channels) {
        int h = image.getHeight();
        int w = image.getWidth();
        int plane = h * w;
        float[] out = new float[channels * plane];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                int r = argb >> 16 & 0xFF;
                int g = argb >> 8 & 0xFF;
                int b = argb & 0xFF;
                int p = y * w + x;
                if (channels == 1) {
                    out[p] = 0.299f * r + 0.587f * g + 0.114f * b;
                } else {
                    out[p] = r;
                    out[plane + p] = g;
                    out[2 * plane + p] = b;
                }
            }
        }
        return out;
    }

    /** Separable bilinear resize of CHW float planes, rounded and clamped to uint8. */
    static byte[] resize(float[] planes, int channels, int inH, int inW, int outH, int outW) {
        Filter rows = Filter.of(inH, outH);
        Filter cols = Filter.of(inW, outW);
        byte[] out = new byte[channels * outH * outW];
        float[] horizontal = new float[inH * outW];
        for (int c = 0; c < channels; c++) {
            int in = c * inH * inW;
            for (int y = 0; y < inH; y++) {
                for (int x = 0; x < outW; x++) {
                    double sum = 0;
                    for (int k = 0; k < cols.weights[x].length; k++) {
                        sum += cols.weights[x][k] * planes[in + y * inW + cols.first[x] + k];
                    }
                    horizontal[y * outW + x] = (float) sum;
                }
            }
            int o = c * outH * outW;
            for (int y = 0; y < outH; y++) {
                for (int x = 0; x < outW; x++) {
                    double sum = 0;
                    for (int k = 0; k < rows.weights[y].length; k++) {
                        sum += rows.weights[y][k] * horizontal[(rows.first[y] + k) * outW + x];
                    }
                    out[o + y * outW + x] = (byte) Math.max(0, Math.min(255, Math.round(sum)));
                }
            }
        }
        return out;
    }

    /**
     * Per output position: the first input index and normalised triangle weights. Output pixel i has its
     * centre at input coordinate (i + 0.5) * in/out (pixel centres at j + 0.5); the triangle's half-width is
     * max(1, in/out) input pixels. Weights outside the image are dropped and the rest renormalised.
     */
    private record Filter(int[] first, double[][] weights) {
        static Filter of(int in, int out) {
            double scale = (double) in / out;
            double support = Math.max(1.0, scale);
            int[] first = new int[out];
            double[][] weights = new double[out][];
            for (int i = 0; i < out; i++) {
                double centre = (i + 0.5) * scale;
                int lo = Math.max(0, (int) Math.floor(centre - support));
                int hi = Math.min(in - 1, (int) Math.ceil(centre + support));
                double[] w = new double[hi - lo + 1];
                double total = 0;
                for (int j = lo; j <= hi; j++) {
                    w[j - lo] = Math.max(0, 1 - Math.abs((j + 0.5 - centre) / support));
                    total += w[j - lo];
                }
                for (int k = 0; k < w.length; k++) {
                    w[k] /= total;
                }
                first[i] = lo;
                weights[i] = w;
            }
            return new Filter(first, weights);
        }
    }
}
