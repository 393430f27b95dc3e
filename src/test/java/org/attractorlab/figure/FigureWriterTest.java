package org.attractorlab.figure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class FigureWriterTest {
    private static final FigureSize SIZE = new FigureSize(400, 300, 150);

    /** A loss chart of a falling loss and a rising accuracy. */
    static Figure lossFigure() {
        LossSeries s = new LossSeries();
        for (int i = 1; i <= 200; i++) {
            s.add(i, Math.exp(-i / 40.0), Math.min(1, i / 150.0), i % 50 == 0 ? Math.exp(-i / 45.0) : Double.NaN,
                    i % 50 == 0 ? Math.min(1, i / 160.0) : Double.NaN);
        }
        s.fireChanged();
        return Figures.loss(s, true);
    }

    @Test
    void svgIsXmlWithTheTitleAndAxisLabelsAsTextAndTheCurvesAsPaths(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loss.svg");
        FigureWriter.write(lossFigure(), FigureFormat.SVG, SIZE, file);
        Document doc = PdfText.xml().parse(file.toFile());
        assertEquals("svg", doc.getDocumentElement().getLocalName());
        String width = doc.getDocumentElement().getAttribute("width");
        assertTrue(width.endsWith("pt"), width);
        assertEquals(400, Double.parseDouble(width.replace("pt", "")), 1e-9);
        StringBuilder text = new StringBuilder();
        NodeList texts = doc.getElementsByTagNameNS("*", "text");
        for (int i = 0; i < texts.getLength(); i++) {
            text.append(texts.item(i).getTextContent()).append('|');
        }
        for (String expected : new String[]{LossChart.TITLE, "training step", "loss (log scale)", "accuracy",
                "training loss", "validation accuracy"}) {
            assertTrue(text.indexOf(expected + "|") >= 0, "text element '" + expected + "' in " + text);
        }
        int shapes = doc.getElementsByTagNameNS("*", "path").getLength()
                + doc.getElementsByTagNameNS("*", "line").getLength();
        assertTrue(shapes > 20, "lines and paths: " + shapes);
    }

    @Test
    void pdfHasOnePageOfTheFigureSizeAndItsTextAsText(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loss.pdf");
        FigureWriter.write(lossFigure(), FigureFormat.PDF, SIZE, file);
        String pdf = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertTrue(pdf.startsWith("%PDF-"), pdf.substring(0, 8));
        Matcher pages = Pattern.compile("/Type\\s*/Page(?![s\\w])").matcher(pdf);
        int count = 0;
        while (pages.find()) {
            count++;
        }
        assertEquals(1, count, "pages");
        Matcher box = Pattern.compile("/MediaBox\\s*\\[\\s*([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s+([-\\d.]+)\\s*]")
                .matcher(pdf);
        assertTrue(box.find(), "a MediaBox");
        assertEquals(0, Double.parseDouble(box.group(1)), 1e-9);
        assertEquals(0, Double.parseDouble(box.group(2)), 1e-9);
        assertEquals(400, Double.parseDouble(box.group(3)), 1e-9);
        assertEquals(300, Double.parseDouble(box.group(4)), 1e-9);
    }

    @Test
    void pngHasThePixelSizeOfItsDpiRecordsTheDpiAndIsNotBlank(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("loss.png");
        FigureWriter.write(lossFigure(), FigureFormat.PNG, SIZE, file);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReaders(in).next();
            reader.setInput(in);
            BufferedImage img = reader.read(0);
            assertEquals(Math.round(400 * 150 / 72.0), img.getWidth());
            assertEquals(Math.round(300 * 150 / 72.0), img.getHeight());
            IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            assertEquals("meter", phys.getAttribute("unitSpecifier"));
            double dpi = Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254;
            assertEquals(150, dpi, 0.05);
            assertTrue(nonBackground(img) > 0.02 * img.getWidth() * img.getHeight(), "drawn pixels");
        }
    }

    private static org.jfree.data.xy.DefaultXYDataset all(double[][] re, double[][] im) {
        var d = new org.jfree.data.xy.DefaultXYDataset();
        d.addSeries(EigenvalueChart.ALL_POINTS, EigenvalueChart.flatten(re, im));
        return d;
    }

    static long nonBackground(BufferedImage img) {
        int bg = img.getRGB(0, 0);
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (img.getRGB(x, y) != bg) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void pdfWritesGreekLettersAsOutlinesAndPlainTextAsText() throws Exception {
        assertTrue(PdfTextGraphics.encodable("Re lambda (x)"));
        assertFalse(PdfTextGraphics.encodable("Re \u03bb"));
        assertFalse(PdfTextGraphics.encodable("PC1\u2013PC3"));
        EigenvalueChart c = new EigenvalueChart(new org.jfree.data.xy.DefaultXYDataset(),
                all(new double[][]{{0.5, -0.2}}, new double[][]{{0.1, 0}}), false, "Spectrum");
        String pdf = PdfText.of(FigureWriter.pdf(c.figure(), SIZE));
        assertTrue(pdf.contains("(Spectrum) Tj"), "the title is text");
        assertFalse(pdf.contains("?) Tj"), "no character written as '?'");
    }

    @Test
    void theThemeSwitchRedrawsTheSpectrumsForegroundMarksInTheNewForeground() {
        EigenvalueChart c = new EigenvalueChart(new org.jfree.data.xy.DefaultXYDataset(),
                all(new double[][]{{0.5, -0.2}}, new double[][]{{0.1, 0}}), false, "Spectrum");
        java.awt.Color light = (java.awt.Color) c.plot().getRenderer(1).getSeriesPaint(0);
        assertEquals(ChartStyle.foreground(false).getRGB() & 0xffffff, light.getRGB() & 0xffffff);
        ChartStyle.retheme(c.chart(), true);
        java.awt.Color dark = (java.awt.Color) c.plot().getRenderer(1).getSeriesPaint(0);
        assertEquals(ChartStyle.foreground(true).getRGB() & 0xffffff, dark.getRGB() & 0xffffff,
                "all eigenvalues in the dark theme's foreground");
        var circle = (org.jfree.chart.annotations.XYShapeAnnotation) c.plot().getAnnotations().get(0);
        assertEquals(1, c.plot().getAnnotations().size(), "one unit circle, the old one removed");
        BufferedImage img = FigureWriter.image(c.figure(), new FigureSize(400, 300, 72));
        assertTrue(circle != null && nonBackground(img) > 0);
    }

    @Test
    void theThemeSwitchRestylesSubtitlesAndTheColourScale() {
        org.jfree.chart.JFreeChart chart = Figures.heatmap(HeatmapData.square(java.util.List.of("a", "b"),
                java.util.List.of("a", "b"), new double[][]{{0, 1}, {1, 0}}, "condition", "distance", "%.2f"),
                "RDM", "at step 5");
        chart.getTitle().setFont(new java.awt.Font("SansSerif", java.awt.Font.BOLD, 11));
        ChartStyle.retheme(chart, true);
        assertEquals(11, chart.getTitle().getFont().getSize(), "the theme changes colours, not a pane's fonts");
        java.awt.Color fg = ChartStyle.foreground(true);
        int texts = 0;
        int scales = 0;
        for (Object sub : chart.getSubtitles()) {
            if (sub instanceof org.jfree.chart.title.TextTitle t) {
                assertEquals(fg, t.getPaint(), "subtitle '" + t.getText() + "'");
                texts++;
            } else if (sub instanceof org.jfree.chart.title.PaintScaleLegend l) {
                assertEquals(ChartStyle.background(true), l.getBackgroundPaint());
                assertEquals(fg, l.getAxis().getTickLabelPaint());
                scales++;
            }
        }
        assertEquals(1, texts);
        assertEquals(1, scales);
    }

    @Test
    void eigenvalueFigureHasEqualScalesSoTheUnitCircleIsRound() throws Exception {
        EigenvalueChart c = new EigenvalueChart(new org.jfree.data.xy.DefaultXYDataset(),
                all(new double[][]{{0.5, 1.4}}, new double[][]{{0.1, 0}}), false, "Spectrum");
        BufferedImage img = FigureWriter.image(c.figure(), new FigureSize(600, 300, 72));
        var info = new org.jfree.chart.ChartRenderingInfo();
        c.chart().draw(img.createGraphics(), new java.awt.geom.Rectangle2D.Double(0, 0, 600, 300), info);
        var area = info.getPlotInfo().getDataArea();
        double xScale = area.getWidth() / c.plot().getDomainAxis().getRange().getLength();
        double yScale = area.getHeight() / c.plot().getRangeAxis().getRange().getLength();
        assertEquals(1, xScale / yScale, 0.03, "pixels per unit on x over pixels per unit on y");
    }

    @Test
    void sizeRefusesValuesOutsideItsRangeNamingThem() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FigureSize(400, 300, 5000));
        assertTrue(e.getMessage().contains("dpi = 5000"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new FigureSize(10, 300, 300));
        assertTrue(e.getMessage().contains("width = 10"), e.getMessage());
        assertEquals(FigureFormat.SVG, FigureFormat.parse("SVG"));
        assertThrows(() -> FigureFormat.parse("jpg"));
    }

    private static void assertThrows(org.junit.jupiter.api.function.Executable e) {
        var x = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains("jpg"), x.getMessage());
    }

}
