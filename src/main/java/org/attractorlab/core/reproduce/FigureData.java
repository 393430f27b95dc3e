package org.attractorlab.core.reproduce;

import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.ProcrustesStudy;
import org.attractorlab.core.sweep.SweepSeries;

/**
 * What a report figure draws: the results of the studies, computed once by the reproduction, in the form the
 * {@code export} command draws them (each kind is one of export's {@code --figure} names). {@code core} draws
 * nothing; a {@link FigureSink} does.
 */
public sealed interface FigureData {

    /** The {@code --figure} name of {@code export} that draws the same figure. */
    String exportName();

    /**
     * The 3D PCA trajectories, with the fixed points (stable and unstable, with their unstable modes) when given.
     *
     * @param step        the training step drawn
     * @param fixedPoints the search whose points are drawn, or null for none
     * @param colorBy     the condition column colouring the trials (null: the first)
     */
    record Pca3d(int step, HiddenStates states, PcaStudy.Result pca, FixedPointStudy.Result fixedPoints,
                 String colorBy) implements FigureData {
        @Override
        public String exportName() {
            return "pca3d";
        }
    }

    /** The fixed points in the PC1-PC2 plane beside their eigenvalue spectrum. */
    record FixedPoints(int step, HiddenStates states, PcaStudy.Result pca, FixedPointStudy.Result fixedPoints)
            implements FigureData {
        @Override
        public String exportName() {
            return "fixed-points";
        }
    }

    /** A sweep's summary column against an axis, one line per value of a series axis. */
    record Sweep(SweepSeries series) implements FigureData {
        @Override
        public String exportName() {
            return "sweep";
        }
    }

    /** A degeneracy study at one measure: distance matrix, MDS coloured by an axis, score per group. */
    record Degeneracy(DegeneracyStudy.Result result, DegeneracyStudy.Measure measure, String colourAxis)
            implements FigureData {
        @Override
        public String exportName() {
            return "degeneracy";
        }
    }

    /** The task x task subspace-angle matrix above the spectrum of the first pair. */
    record Angles(int step, HiddenStates states, AnglesStudy.Result angles) implements FigureData {
        @Override
        public String exportName() {
            return "angles";
        }
    }

    /** The cross-temporal decoding matrix (with the OOD quadrant test below it when given). */
    record Decoding(int step, HiddenStates states, DecodingStudy.Result decoding, OodStudy.Result ood)
            implements FigureData {
        @Override
        public String exportName() {
            return "decoding";
        }
    }

    /** The cross-task generalisation matrices of an N-back run, one per feature. */
    record CrossTask(int step, CrossTaskStudy.Result result) implements FigureData {
        @Override
        public String exportName() {
            return "cross-task";
        }
    }

    /** Relevant vs irrelevant feature decoding per task (the diagonals of the cross-task matrices). */
    record Relevance(CrossTaskStudy.Result result) implements FigureData {
        @Override
        public String exportName() {
            return "relevance";
        }
    }

    /** The orthogonalisation index per feature, perceptual (stimulus inputs) beside encoding (hidden states). */
    record Orthogonalisation(java.util.List<OrthogonalisationStudy.Comparison> comparisons) implements FigureData {
        public Orthogonalisation {
            comparisons = java.util.List.copyOf(comparisons);
        }

        @Override
        public String exportName() {
            return "orthogonalisation";
        }
    }

    /** The Procrustes rotations between successive time points and the swap test. */
    record Procrustes(ProcrustesStudy.Result result) implements FigureData {
        @Override
        public String exportName() {
            return "procrustes";
        }
    }

    /** In-distribution and OOD r^2 against N_task, one line per D, from an evidence sweep. */
    record OodVsTasks(org.attractorlab.core.sweep.OodVsTasks.Result result) implements FigureData {
        @Override
        public String exportName() {
            return "ood-vs-tasks";
        }
    }
}
