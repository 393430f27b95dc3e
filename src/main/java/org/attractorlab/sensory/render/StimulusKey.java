package org.attractorlab.sensory.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One image of a stimulus set: 0-based category, identity (within the category), location and view. */
public record StimulusKey(int category, int identity, int location, int view) {
    public StimulusKey {
        if (category < 0 || identity < 0 || location < 0 || view < 0 || location >= RenderOptions.LOCATIONS) {
            throw new IllegalArgumentException("bad stimulus " + category + "/" + identity + "/" + location + "/" + view);
        }
    }

    /** The file name inside a stimulus directory, e.g. {@code c03-i1-l2-v05.png}. */
    public String fileName() {
        return String.format(Locale.ROOT, "c%02d-i%d-l%d-v%02d.png", category, identity, location, view);
    }

    /** Every image of a set, in file order: category, then identity, location, view (the last varies fastest). */
    public static List<StimulusKey> all(RenderOptions o) {
        List<StimulusKey> keys = new ArrayList<>(o.imageCount());
        for (int c = 0; c < o.categories(); c++) {
            for (int i = 0; i < o.identities(); i++) {
                for (int l = 0; l < RenderOptions.LOCATIONS; l++) {
                    for (int v = 0; v < o.views(); v++) {
                        keys.add(new StimulusKey(c, i, l, v));
                    }
                }
            }
        }
        return keys;
    }

    /** Whether a file name has the form of {@link #fileName()}. */
    public static boolean isStimulusFileName(String name) {
        return name.matches("c\\d{2}-i\\d-l\\d-v\\d{2}\\.png");
    }
}
