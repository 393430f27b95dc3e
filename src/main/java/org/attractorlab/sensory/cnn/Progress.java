package org.attractorlab.sensory.cnn;

/** Progress of a long sensory job (training epochs, feature batches). */
@FunctionalInterface
public interface Progress {
    /** No reporting. */
    Progress NONE = (done, total, message) -> { };

    /**
     * Called after each unit of work.
     *
     * @param done    units done so far
     * @param total   units in all
     * @param message a short status (e.g. the last epoch's accuracy)
     */
    void step(long done, long total, String message);
}
