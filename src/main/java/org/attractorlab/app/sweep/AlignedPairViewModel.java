package org.attractorlab.app.sweep;

import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.panes.pca3d.TrajectoryMesh;
import org.attractorlab.core.study.AlignedPairStudy;
import org.attractorlab.core.study.DegeneracyStudy;
import org.attractorlab.figure.AlignedPairFigure;
import org.attractorlab.figure.Normalization;

/**
 * The two runs of a clicked cell of the Population tab's matrix, side by side in one PCA basis: the
 * {@link AlignedPairStudy} of the pair and both trajectory meshes (one scene box, one colouring), computed on the
 * injected executor; the newest click wins. FX thread only (except the study and the meshes).
 */
public final class AlignedPairViewModel {
    /** What the side-by-side views show before a cell is clicked. */
    public static final String PROMPT = "Click a cell of the matrix: its two runs appear here side by side in 3D, "
            + "in the first run's PCA basis after Procrustes alignment";

    /**
     * One aligned pair, ready to show.
     *
     * @param distance the cell's distance in words ("representation_cka 0.0871"), or null
     */
    public record Shown(AlignedPairStudy.Result result, TrajectoryMesh a, TrajectoryMesh b, String titleA,
                        String titleB, String distance) {
        /** The line over both views: the distance and the residual. */
        public String caption() {
            return AlignedPairFigure.caption(result, distance);
        }
    }

    private final LatestJob<Shown> job;
    private final int trials;
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(PROMPT);

    /**
     * @param executor where the alignment runs (tests pass {@code Runnable::run})
     * @param trials   probe trials, as many as the study whose matrix was clicked
     */
    public AlignedPairViewModel(FrameDrain drain, Executor executor, int trials) {
        this.trials = trials;
        job = new LatestJob<>("aligned pair", executor, drain, this::show, this::fail);
    }

    /**
     * Aligns {@code b} to {@code a} in the background.
     *
     * @param distance the pair's distance in words, for the caption, or null
     */
    public void align(DegeneracyStudy.Member a, DegeneracyStudy.Member b, String distance) {
        busy.set(true);
        message.set("Aligning " + b.name() + " to " + a.name() + "\u2026");
        job.submit(() -> {
            AlignedPairStudy.Result r = AlignedPairStudy.run(a, b, AlignedPairStudy.defaultsFor(a, b)
                    .withTrials(trials));
            Normalization norm = AlignedPairFigure.normalization(r);
            return new Shown(r, TrajectoryMesh.of(AlignedPairFigure.data(r, false, null, norm), r.conditions()),
                    TrajectoryMesh.of(AlignedPairFigure.data(r, true, null, norm), r.conditions()),
                    AlignedPairFigure.title(r, false), AlignedPairFigure.title(r, true), distance);
        });
    }

    private void show(Shown s) {
        busy.set(false);
        shown.set(s);
        message.set(s.caption());
    }

    private void fail(String why) {
        busy.set(false);
        message.set("Could not align the runs: " + why);
    }

    /** The pair shown, or null before the first. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** The caption of the pair shown, what is being aligned, or why it could not be. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Stops delivering results. */
    public void dispose() {
        job.dispose();
    }
}
