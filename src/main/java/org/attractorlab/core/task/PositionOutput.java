package org.attractorlab.core.task;

/** What the path-integration task asks the network to output. */
public enum PositionOutput {
    /** Two outputs: the position x, y. */
    POSITION,
    /** One output per place cell: Gaussian tuning around centres on a square grid. */
    PLACE_CELLS
}
