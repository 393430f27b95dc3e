package org.attractorlab.figure;

import com.orsonpdf.PDFDocument;
import com.orsonpdf.PDFGraphics2D;
import com.orsonpdf.PDFHints;
import com.orsonpdf.Page;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.attractorlab.core.io.AtomicFiles;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.SVGUnits;

/**
 * Writes a {@link Figure} as PNG (at a resolution recorded in the file's pHYs chunk), SVG (JFreeSVG) or PDF
 * (OrsonPDF), always through the figure's own Graphics2D drawing. Files are replaced atomically. Any thread; the
 * figure must not change while it is written.
 */
public final class FigureWriter {
    private static final double METRES_PER_INCH = 0.0254;

    private FigureWriter() {
    }

    /** Writes {@code figure} at {@code size} in {@code format} to {@code file} (replacing it). */
    public static void write(Figure figure, FigureFormat format, FigureSize size, Path file) throws IOException {
        byte[] bytes = switch (format) {
            case PNG -> png(figure, size);
            case SVG -> svg(figure, size).getBytes(StandardCharsets.UTF_8);
            case PDF -> pdf(figure, size);
        };
        AtomicFiles.write(file, bytes);
    }

    /** The figure as a bitmap of {@link FigureSize#pixelWidth()} x {@link FigureSize#pixelHeight()} pixels. */
    public static BufferedImage image(Figure figure, FigureSize size) {
        BufferedImage img = new BufferedImage(size.pixelWidth(), size.pixelHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setPaint(java.awt.Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            // dpi / 72, adjusted by the rounding of the pixel size so that the figure fills the image exactly
            g.scale(img.getWidth() / size.width(), img.getHeight() / size.height());
            figure.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The figure as PNG bytes, with its resolution ({@link FigureSize#dpi()}) in the pHYs chunk. */
    public static byte[] png(Figure figure, FigureSize size) throws IOException {
        return png(image(figure, size), size.dpi());
    }

    /** An image as PNG bytes, with {@code dpi} in the pHYs chunk. */
    public static byte[] png(BufferedImage img, int dpi) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            ImageWriteParam param = writer.getDefaultWriteParam();
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), param);
            String format = "javax_imageio_png_1.0";
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Long.toString(Math.round(dpi / METRES_PER_INCH));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode(format);
            root.appendChild(phys);
            try {
                meta.mergeTree(format, root);
            } catch (IIOInvalidTreeException e) {
                throw new IOException("could not record " + dpi + " dpi in the PNG", e);
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
                writer.setOutput(out);
                writer.write(null, new IIOImage(img, null, meta), param);
            }
            return bytes.toByteArray();
        } finally {
            writer.dispose();
        }
    }

    /** The figure as an SVG document, {@code width} x {@code height} points, text as text. */
    public static String svg(Figure figure, FigureSize size) {
        SVGGraphics2D g = new SVGGraphics2D(size.width(), size.height(), SVGUnits.PT);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        figure.draw(g, new Rectangle2D.Double(0, 0, size.width(), size.height()));
        return g.getSVGDocument();
    }

    /**
     * The figure as a one-page PDF of {@code width} x {@code height} points. Text that the standard fonts can
     * encode stays text; other strings (Greek letters) become outlines.
     */
    public static byte[] pdf(Figure figure, FigureSize size) {
        PDFDocument doc = new PDFDocument();
        if (!figure.title().isEmpty()) {
            doc.setTitle(figure.title());
        }
        doc.setAuthor("Attractor Lab");
        Rectangle2D page = new Rectangle2D.Double(0, 0, size.width(), size.height());
        Page p = doc.createPage(page);
        PDFGraphics2D pdf = p.getGraphics2D();
        pdf.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Graphics2D g = new PdfTextGraphics(pdf, PDFHints.KEY_DRAW_STRING_TYPE,
                PDFHints.VALUE_DRAW_STRING_TYPE_VECTOR, PDFHints.VALUE_DRAW_STRING_TYPE_STANDARD);
        figure.draw(g, page);
        return doc.getPDFBytes();
    }
}
