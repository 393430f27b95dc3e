package org.attractorlab.core.task;

/**
 * The stimulus feature an N-back task compares: the screen location (quadrant), the object identity (a specific
 * object: its category and its identity within that category) or the category.
 */
public enum NBackFeature {
    LOCATION, IDENTITY, CATEGORY;

    /** Lower-case name as in configs and labels, e.g. {@code category}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
