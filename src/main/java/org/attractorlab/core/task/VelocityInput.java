package org.attractorlab.core.task;

/** How the path-integration task gives the agent's velocity. */
public enum VelocityInput {
    /** Two inputs: v_x, v_y. */
    CARTESIAN,
    /** Three inputs: speed, cos(heading), sin(heading). */
    POLAR
}
