package org.attractorlab.core.task;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The sensory front end's output for a set of rendered stimuli: one feature row per image, with the image's
 * category, identity (within its category), location and view, all 0-based. The counts of each are one more than
 * the largest code. Every (category, identity, location) combination must have at least one image, so that any
 * stimulus an N-back sequence asks for can be shown. Immutable.
 */
public final class StimulusFeatureTable {
    private final String source;
    private final List<String> files;
    private final int[] category;
    private final int[] identity;
    private final int[] location;
    private final int[] view;
    private final float[] features;
    private final int featureSize;
    private final int categories;
    private final int identities;
    private final int locations;
    private final int views;
    /** Image rows of each (category, identity, location), indexed by {@link #comboIndex}. */
    private final int[][] rowsByCombo;

    /**
     * @param source      names the data in error messages (e.g. the directory)
     * @param files       image file names, one per row
     * @param category    category code per row, &gt;= 0
     * @param identity    identity code (within the category) per row, &gt;= 0
     * @param location    location code per row, &gt;= 0
     * @param view        view code per row, &gt;= 0
     * @param features    [rows, featureSize] row-major; copied
     * @param featureSize F, features per image, &gt; 0
     * @throws IllegalArgumentException naming the source and the problem
     */
    public StimulusFeatureTable(String source, List<String> files, int[] category, int[] identity, int[] location,
                                int[] view, float[] features, int featureSize) {
        this.source = Objects.requireNonNull(source, "source");
        int n = files.size();
        if (n == 0) {
            throw bad("the stimulus table has no rows");
        }
        for (int[] a : new int[][]{category, identity, location, view}) {
            if (a.length != n) {
                throw bad("stimulus columns have " + a.length + " rows for " + n + " files");
            }
        }
        if (featureSize <= 0) {
            throw bad("features per image must be > 0, got " + featureSize);
        }
        if (features.length != (long) n * featureSize) {
            throw bad("the feature table has " + features.length / featureSize + " rows of " + featureSize
                    + " features for " + n + " stimuli; rows must align with stimuli.csv");
        }
        for (int i = 0; i < features.length; i++) {
            if (!Float.isFinite(features[i])) {
                throw bad("feature " + i % featureSize + " of image row " + i / featureSize + " (" + files.get(
                        i / featureSize) + ") is " + features[i]);
            }
        }
        this.files = List.copyOf(files);
        this.category = category.clone();
        this.identity = identity.clone();
        this.location = location.clone();
        this.view = view.clone();
        this.features = features.clone();
        this.featureSize = featureSize;
        this.categories = count("category", category);
        this.identities = count("identity", identity);
        this.locations = count("location", location);
        this.views = count("view", view);
        if (categories < 2 || locations < 2) {
            throw bad("the stimulus set needs at least 2 categories and 2 locations, it has " + categories
                    + " and " + locations);
        }
        List<List<Integer>> lists = new ArrayList<>();
        for (int i = 0; i < categories * identities * locations; i++) {
            lists.add(new ArrayList<>());
        }
        for (int r = 0; r < n; r++) {
            lists.get(comboIndex(category[r], identity[r], location[r])).add(r);
        }
        this.rowsByCombo = new int[lists.size()][];
        for (int c = 0; c < categories; c++) {
            for (int i = 0; i < identities; i++) {
                for (int l = 0; l < locations; l++) {
                    int k = comboIndex(c, i, l);
                    if (lists.get(k).isEmpty()) {
                        throw bad("there is no image of category " + c + ", identity " + i + ", location " + l
                                + "; every combination needs at least one view");
                    }
                    rowsByCombo[k] = lists.get(k).stream().mapToInt(Integer::intValue).toArray();
                }
            }
        }
    }

    private int count(String column, int[] codes) {
        int max = -1;
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] < 0) {
                throw bad("column '" + column + "' of row " + r + " (" + files.get(r) + ") is " + codes[r]
                        + "; codes are 0-based");
            }
            max = Math.max(max, codes[r]);
        }
        return max + 1;
    }

    private IllegalArgumentException bad(String what) {
        return new IllegalArgumentException(source + ": " + what);
    }

    private int comboIndex(int c, int i, int l) {
        return (c * identities + i) * locations + l;
    }

    /** Where the table came from, for messages. */
    public String source() {
        return source;
    }

    public int rows() {
        return files.size();
    }

    /** F, features per image. */
    public int featureSize() {
        return featureSize;
    }

    public int categories() {
        return categories;
    }

    public int identities() {
        return identities;
    }

    public int locations() {
        return locations;
    }

    public int views() {
        return views;
    }

    public String file(int row) {
        return files.get(row);
    }

    public int category(int row) {
        return category[row];
    }

    public int identity(int row) {
        return identity[row];
    }

    public int location(int row) {
        return location[row];
    }

    public int view(int row) {
        return view[row];
    }

    /** A copy of all features, [rows, F] row-major. */
    public float[] features() {
        return features.clone();
    }

    /** The image rows showing this category, identity and location (in every view they have); a copy. */
    public int[] rowsOf(int category, int identity, int location) {
        if (category < 0 || category >= categories || identity < 0 || identity >= identities || location < 0
                || location >= locations) {
            throw new IllegalArgumentException("no stimulus (category " + category + ", identity " + identity
                    + ", location " + location + ") in " + source);
        }
        return rowsByCombo[comboIndex(category, identity, location)].clone();
    }

    /** Rows by combination without copying, for the sampler. */
    int[] rowsView(int category, int identity, int location) {
        return rowsByCombo[comboIndex(category, identity, location)];
    }
}
