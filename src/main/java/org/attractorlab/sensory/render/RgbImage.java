package org.attractorlab.sensory.render;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * An opaque RGB image: {@code rgb[y * width + x] = 0xRRGGBB}. Immutable by convention (the array is not copied:
 * do not modify it).
 */
public record RgbImage(int width, int height, int[] rgb) {
    public RgbImage {
        if (width <= 0 || height <= 0 || rgb.length != width * height) {
            throw new IllegalArgumentException("image " + width + " x " + height + " with " + rgb.length + " pixels");
        }
    }

    /**
     * Box-filters an ARGB image of {@code (width f) x (height f)} down by the factor {@code f}: each channel of an
     * output pixel is the rounded mean {@code (sum + f^2 / 2) / f^2} of its {@code f x f} block; alpha is dropped.
     * {@code argb} is not modified.
     */
    public static RgbImage downsample(int[] argb, int width, int height, int f) {
        int sw = width * f;
        if (argb.length != sw * height * f) {
            throw new IllegalArgumentException("expected " + sw * height * f + " pixels, got " + argb.length);
        }
        int n = f * f;
        int[] out = new int[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int r = 0;
                int g = 0;
                int b = 0;
                for (int dy = 0; dy < f; dy++) {
                    int row = (y * f + dy) * sw + x * f;
                    for (int dx = 0; dx < f; dx++) {
                        int p = argb[row + dx];
                        r += (p >>> 16) & 0xFF;
                        g += (p >>> 8) & 0xFF;
                        b += p & 0xFF;
                    }
                }
                out[y * width + x] = ((r + n / 2) / n) << 16 | ((g + n / 2) / n) << 8 | ((b + n / 2) / n);
            }
        }
        return new RgbImage(width, height, out);
    }

    /** Red, green or blue (channel 0, 1, 2) of pixel (x, y), 0..255. */
    public int channel(int x, int y, int channel) {
        return (rgb[y * width + x] >>> (16 - 8 * channel)) & 0xFF;
    }

    /** The image as PNG bytes (8-bit RGB, no alpha; the same pixels always give the same bytes). */
    public byte[] toPng() {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        img.setRGB(0, 0, width, height, rgb, 0, width);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try {
            if (!ImageIO.write(img, "png", bytes)) {
                throw new IllegalStateException("no PNG writer in this JDK");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Reads a PNG (or any image ImageIO reads) as RGB. */
    public static RgbImage read(Path file) throws IOException {
        BufferedImage img = ImageIO.read(file.toFile());
        if (img == null) {
            throw new IOException(file + ": not an image ImageIO can read");
        }
        int w = img.getWidth();
        int h = img.getHeight();
        int[] px = img.getRGB(0, 0, w, h, null, 0, w);
        for (int k = 0; k < px.length; k++) {
            px[k] &= 0xFFFFFF;
        }
        return new RgbImage(w, h, px);
    }
}
