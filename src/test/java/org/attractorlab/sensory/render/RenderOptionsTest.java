package org.attractorlab.sensory.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RenderOptionsTest {

    @Test
    void defaultSetIsEightFamiliesFourIdentitiesFourQuadrantsSixteenViewsAt64() {
        RenderOptions o = RenderOptions.defaults();
        assertEquals(2048, o.imageCount());
        assertEquals(64, o.size());
        List<StimulusKey> keys = StimulusKey.all(o);
        assertEquals(2048, keys.size());
        Set<String> names = new HashSet<>();
        keys.forEach(k -> names.add(k.fileName()));
        assertEquals(2048, names.size(), "file names are unique");
        assertEquals("c03-i1-l2-v05.png", new StimulusKey(3, 1, 2, 5).fileName());
        assertTrue(StimulusKey.isStimulusFileName("c03-i1-l2-v05.png"));
    }

    @Test
    void badValuesAreRefusedWithTheirNameAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RenderOptions(32, 8, 4, 8, 0, 2));
        assertTrue(e.getMessage().contains("size = 32"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RenderOptions(64, 11, 4, 8, 0, 2));
        assertTrue(e.getMessage().contains("categories = 11"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RenderOptions(64, 8, 5, 8, 0, 2));
        assertTrue(e.getMessage().contains("identities = 5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new RenderOptions(64, 8, 4, 0, 0, 2));
        assertTrue(e.getMessage().contains("views = 0"), e.getMessage());
    }

    @Test
    void posesDependOnSeedAndViewButNotOnEachOther() {
        Pose a = Pose.of(0, 2, 1, 3, 8);
        assertEquals(a, Pose.of(0, 2, 1, 3, 8));
        assertTrue(!a.equals(Pose.of(1, 2, 1, 3, 8)));
        // views spread over the turn: consecutive azimuths about 45 degrees apart
        double step = Pose.of(0, 2, 1, 4, 8).azimuth() - a.azimuth();
        assertEquals(45, step, 0.4 * 45);
        assertTrue(a.azimuth() >= 0 && a.azimuth() < 360);
    }

    @Test
    void downsampleAveragesBlocksWithRounding() {
        // 2 x 1 output from a 4 x 2 input, factor 2
        int[] argb = {0xFF000000, 0xFF020406, 0xFFFFFFFF, 0xFFFFFFFF,
                      0xFF000000, 0xFF010101, 0xFFFFFFFF, 0xFFFFFFFD};
        RgbImage img = RgbImage.downsample(argb, 2, 1, 2);
        // red (0 + 2 + 0 + 1) / 4 = 0.75 -> 1, green (4 + 1) / 4 = 1.25 -> 1, blue (6 + 1) / 4 = 1.75 -> 2
        assertEquals(0x010102, img.rgb()[0]);
        assertEquals(0xFFFF00, img.rgb()[1] & 0xFFFF00);
        assertEquals(0xFF, img.rgb()[1] & 0xFF, "(255 * 3 + 253 + 2) / 4 rounds to 255");
    }
}
