package org.attractorlab.sensory.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/**
 * The set shipped in {@code assets/stimuli/} is what {@code render-stimuli} with its defaults writes: the same index
 * and options files byte for byte, and images that a fresh render reproduces (byte for byte on the machine that
 * rendered them; within a small tolerance elsewhere, since another OpenGL rasteriser may round edges differently).
 */
class ShippedStimuliTest {
    private static final Path SHIPPED = Path.of("assets", "stimuli");
    /** Mean absolute difference (grey levels per channel) allowed between a shipped and a fresh image. */
    private static final double RASTER_TOLERANCE = 1.0;

    @BeforeAll
    static void shareTheToolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void indexCategoriesAndOptionsAreWhatTheDefaultsWrite() throws IOException {
        RenderOptions o = RenderOptions.defaults();
        assertEquals(StimulusSetWriter.indexCsv(o), Files.readString(SHIPPED.resolve(StimulusIndex.FILE)));
        assertEquals(StimulusSetWriter.categoriesCsv(o),
                Files.readString(SHIPPED.resolve(StimulusSetWriter.CATEGORIES_FILE)));
        assertEquals(StimulusSetWriter.optionsJson(o), Files.readString(SHIPPED.resolve(StimulusSetWriter.OPTIONS_FILE)));
        List<StimulusIndex.Row> rows = StimulusIndex.read(SHIPPED);
        assertEquals(o.imageCount(), rows.size());
        for (StimulusIndex.Row row : rows) {
            assertTrue(Files.isRegularFile(SHIPPED.resolve(row.file())), row.file() + " is listed but missing");
        }
    }

    @Test
    void aFreshRenderReproducesTheShippedImages() throws IOException {
        RenderOptions o = RenderOptions.defaults();
        List<StimulusKey> all = StimulusKey.all(o);
        List<StimulusKey> sample = new ArrayList<>();
        for (int k = 5; k < all.size(); k += 37) {
            sample.add(all.get(k));
        }
        List<RgbImage> fresh = StimulusRenderer.open(o).render(sample);
        for (int k = 0; k < sample.size(); k++) {
            RgbImage shipped = RgbImage.read(SHIPPED.resolve(sample.get(k).fileName()));
            double d = StimulusRendererTest.meanAbsDiff(shipped, fresh.get(k));
            assertTrue(d <= RASTER_TOLERANCE, sample.get(k).fileName() + " differs from a fresh render by " + d);
        }
    }
}
