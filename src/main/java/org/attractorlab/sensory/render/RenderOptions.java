package org.attractorlab.sensory.render;

/**
 * What to render: {@code categories x identities x 4 locations x views} images of {@code size x size} pixels.
 *
 * @param size        image width and height in pixels, 64..512
 * @param categories  number of shape families, 1..{@link ShapeFamily#COUNT}, taken in {@link ShapeFamily} order
 * @param identities  objects per family, 1..{@link ShapeFamily#IDENTITIES}
 * @param views       viewing angles per object, 1..64 (azimuths spread over the full turn, jittered by the seed)
 * @param seed        seed of the pose jitter; the same seed gives the same pixels on one machine
 * @param supersample each image is rendered at {@code size * supersample} and box-filtered down (anti-aliasing), 1..4
 */
public record RenderOptions(int size, int categories, int identities, int views, long seed, int supersample) {
    /** Screen locations: the four quadrants (see {@link Location}). */
    public static final int LOCATIONS = Location.values().length;
    public static final int DEFAULT_SIZE = 64;
    public static final int DEFAULT_CATEGORIES = 8;
    public static final int DEFAULT_IDENTITIES = 4;
    public static final int DEFAULT_VIEWS = 16;
    public static final long DEFAULT_SEED = 0;
    public static final int DEFAULT_SUPERSAMPLE = 2;

    public RenderOptions {
        check("size", size, 64, 512);
        check("categories", categories, 1, ShapeFamily.COUNT);
        check("identities", identities, 1, ShapeFamily.IDENTITIES);
        check("views", views, 1, 64);
        check("supersample", supersample, 1, 4);
    }

    /** The default set: 8 categories x 4 identities x 4 locations x 16 views at 64 x 64 (2048 images). */
    public static RenderOptions defaults() {
        return new RenderOptions(DEFAULT_SIZE, DEFAULT_CATEGORIES, DEFAULT_IDENTITIES, DEFAULT_VIEWS, DEFAULT_SEED,
                DEFAULT_SUPERSAMPLE);
    }

    public RenderOptions withSize(int newSize) {
        return new RenderOptions(newSize, categories, identities, views, seed, supersample);
    }

    public RenderOptions withViews(int newViews) {
        return new RenderOptions(size, categories, identities, newViews, seed, supersample);
    }

    public RenderOptions withSeed(long newSeed) {
        return new RenderOptions(size, categories, identities, views, newSeed, supersample);
    }

    public RenderOptions withCounts(int newCategories, int newIdentities) {
        return new RenderOptions(size, newCategories, newIdentities, views, seed, supersample);
    }

    /** Number of images in the set. */
    public int imageCount() {
        return categories * identities * LOCATIONS * views;
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " = " + value + " is out of range; allowed " + min + ".." + max);
        }
    }
}
