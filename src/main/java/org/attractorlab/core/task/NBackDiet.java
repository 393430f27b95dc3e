package org.attractorlab.core.task;

/**
 * Which of the nine N-back tasks a network is trained on (Lei, Ito &amp; Bashivan 2024).
 */
public enum NBackDiet {
    /** Single task, single feature: one task, the chosen feature at the chosen N. */
    STSF,
    /** Single task, multi feature: the chosen N on all three features (three tasks). */
    STMF,
    /** Multi task, multi feature: all nine tasks (three features x N = 1, 2, 3). */
    MTMF
}
