package org.attractorlab.app.panes.pca3d;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.figure.TrajectoryFigure;

/**
 * The 3D PCA trajectories: turns every analysis frame into one tube mesh of all probe trials (off the FX thread;
 * the newest request wins), coloured by the shared colour-by column, with the shared selection emphasised, a
 * marker per trial at the shared time step, and optional fixed points. FX thread only, except the builds and
 * {@link #prepare}.
 */
public final class Pca3dViewModel {
    /** Choices of how many trials to show; 0 = all. */
    public static final List<Integer> LIMITS = List.of(16, 32, 64, 0);

    private final SelectionModel selection;
    private final ObservableValue<AnalysisFrame> frames;
    private final SceneBuilds builds;
    private final Disposer disposer = new Disposer();
    private final ReadOnlyObjectWrapper<TrajectoryScene> scene = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<MeshData> markers = new ReadOnlyObjectWrapper<>(MeshData.EMPTY);
    private final ReadOnlyObjectWrapper<FixedPointMarks> fixedPoints = new ReadOnlyObjectWrapper<>(FixedPointMarks.NONE);
    private final ReadOnlyStringWrapper caption = new ReadOnlyStringWrapper("Waiting for the first analysis");
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final BooleanProperty selectedOnly = new SimpleBooleanProperty(false);
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final TimePlayer player;
    private float[][] fixedProjected;
    /** The request {@link #prepare} made for a frame not yet shown; a request equal to it is not made again. */
    private volatile TrajectoryScene.Request prepared;
    /** The settings a prepared build uses: the request of the last frame with its frame left out (FX writes). */
    private volatile TrajectoryScene.Request settings;
    private boolean[] fixedStable;
    private float[][][] fixedModes;

    /** Built meshes reach the FX thread with the drain's tick, in the same frame as the other panes' results. */
    public Pca3dViewModel(AnalysisHub hub, SelectionModel selection, org.attractorlab.app.fx.FrameDrain drain) {
        this(hub.frameProperty(), selection, null, drain.executor());
    }

    /**
     * @param background where meshes are built; null = a thread of this view model's own
     * @param fx         where built meshes are handed to the FX thread
     */
    Pca3dViewModel(ObservableValue<AnalysisFrame> frames, SelectionModel selection, Executor background, Executor fx) {
        this.frames = frames;
        this.selection = selection;
        builds = new SceneBuilds(background, fx, this::apply);
        player = new TimePlayer(selection.timeStepProperty(), () -> scene.get() == null ? 0 : scene.get().steps());
        disposer.listen(frames, (o, a, f) -> onFrame(f));
        disposer.listen(selection.trialsProperty(), (o, a, b) -> requestBuild());
        disposer.listen(selection.colorByProperty(), (o, a, b) -> requestBuild());
        disposer.listen(selectedOnly, (o, a, b) -> requestBuild());
        disposer.listen(limit, (o, a, b) -> requestBuild());
        disposer.listen(selection.timeStepProperty(), (o, a, b) -> updateMarkers());
        disposer.listen(playing, (o, a, p) -> player.play(p));
        disposer.onDispose(() -> player.play(false));
        settings = new TrajectoryScene.Request(null, selection.colorByProperty().get(),
                selection.trialsProperty().get(), selectedOnly.get(), limit.get(), null);
        onFrame(frames.getValue());
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        List<String> names = f.states().conditions().names();
        if (!columns.equals(names)) {
            columns.setAll(names);
        }
        String c = selection.colorByProperty().get();
        if (!names.isEmpty() && (c == null || !names.contains(c))) {
            selection.colorByProperty().set(names.get(0));
        }
        requestBuild();
    }

    private void requestBuild() {
        settings = new TrajectoryScene.Request(null, selection.colorByProperty().get(),
                selection.trialsProperty().get(), selectedOnly.get(), limit.get(), fixedProjected);
        AnalysisFrame f = frames.getValue();
        if (f != null) {
            TrajectoryScene.Request r = settings.of(f, settings.colorBy());
            if (r.equals(prepared)) {
                return; // its mesh is built or being built already
            }
            prepared = null;
            builds.request(r);
        }
    }

    /**
     * Builds the mesh of {@code f} before the frame reaches this view model (any thread): the window's first frame,
     * handed over by the live analysis as soon as it is computed, so that its mesh arrives with it instead of being
     * requested once the FX thread has shown the window. It uses the settings of the last frame shown, coloured by
     * its first column unless that column still exists; a frame that then arrives with the same settings asks for
     * nothing more.
     */
    public void prepare(AnalysisFrame f) {
        TrajectoryScene.Request s = settings;
        List<String> names = f.states().conditions().names();
        String colorBy = s.colorBy() != null && names.contains(s.colorBy()) ? s.colorBy()
                : names.isEmpty() ? s.colorBy() : names.get(0);
        TrajectoryScene.Request r = s.of(f, colorBy);
        prepared = r;
        builds.request(r);
    }

    private void apply(TrajectoryScene s) {
        scene.set(s);
        caption.set(s.caption());
        updateMarkers();
        updateFixedPoints();
    }

    private void updateMarkers() {
        TrajectoryScene s = scene.get();
        markers.set(s == null ? MeshData.EMPTY : s.markers(selection.timeStepProperty().get()));
    }

    /**
     * Calls {@code listener} on every change of {@code overlay} (another pane's fixed points, which the listener
     * shows with {@link #setFixedPoints}) until this view model is disposed.
     */
    public <O> void followFixedPoints(javafx.beans.value.ObservableValue<O> overlay,
                                      javafx.beans.value.ChangeListener<? super O> listener) {
        disposer.listen(overlay, listener);
    }

    /**
     * Shows fixed points: stable ones as dark filled marks, unstable ones as red hollow marks with their unstable
     * modes as short segments. All coordinates are PC scores on the current frame's basis; null clears. The view
     * widens to hold the points (see {@link Normalization}); until the rebuilt scene arrives they are drawn
     * clamped into the current view.
     *
     * @param projected    [n][3] fixed points
     * @param stable       [n] whether each is stable
     * @param modeSegments [m][2][3] segment end points (e.g. point +- a scaled unstable eigenvector), or null
     */
    public void setFixedPoints(float[][] projected, boolean[] stable, float[][][] modeSegments) {
        if (projected != null && (stable == null || stable.length != projected.length)) {
            throw new IllegalArgumentException("need one stability flag per fixed point: " + projected.length
                    + " points, " + (stable == null ? "no" : stable.length) + " flags");
        }
        fixedProjected = projected;
        fixedStable = stable;
        fixedModes = modeSegments;
        updateFixedPoints();
        // the view's box widens to hold the new points: the scene is rebuilt around them
        requestBuild();
    }

    private void updateFixedPoints() {
        TrajectoryScene s = scene.get();
        fixedPoints.set(s == null || fixedProjected == null ? FixedPointMarks.NONE
                : FixedPointMarks.of(fixedProjected, fixedStable, fixedModes, s.normalization()));
    }

    /** Selects exactly this trial (or clears the trials for -1), in every pane. */
    public void selectTrial(int trial) {
        selection.selectTrials(trial < 0 ? Set.of() : Set.of(trial));
    }

    public void selectFixedPoint(int index) {
        selection.fixedPointProperty().set(index);
    }

    public void hover(int trial) {
        selection.hoveredTrialProperty().set(trial);
    }

    /** "trial 12: bit0 = 1, bit1 = -1, ..." for the hover label. */
    public String describe(int trial) {
        TrajectoryScene s = scene.get();
        return s == null ? "" : s.describe(trial);
    }

    public ReadOnlyObjectProperty<TrajectoryScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<MeshData> markersProperty() {
        return markers.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<FixedPointMarks> fixedPointsProperty() {
        return fixedPoints.getReadOnlyProperty();
    }

    /** The status line: step, trials shown, variance explained. */
    public ReadOnlyStringProperty captionProperty() {
        return caption.getReadOnlyProperty();
    }

    /** The condition columns to colour by. */
    public ObservableList<String> columns() {
        return FXCollections.unmodifiableObservableList(columns);
    }

    public StringProperty colorByProperty() {
        return selection.colorByProperty();
    }

    public IntegerProperty timeStepProperty() {
        return selection.timeStepProperty();
    }

    public ReadOnlyObjectProperty<Set<Integer>> trialsProperty() {
        return selection.trialsProperty();
    }

    public IntegerProperty fixedPointProperty() {
        return selection.fixedPointProperty();
    }

    /** Show only the selected trials (all when nothing is selected). */
    public BooleanProperty selectedOnlyProperty() {
        return selectedOnly;
    }

    /** Show at most this many trials (plus any selected ones); 0 = all. */
    public IntegerProperty limitProperty() {
        return limit;
    }

    /** Moves the time marker along the trials over and over. */
    public BooleanProperty playingProperty() {
        return playing;
    }

    /** Training step of the frame shown, or -1. */
    public int step() {
        return scene.get() == null ? -1 : scene.get().step();
    }

    /** Vertices of the trajectory mesh shown. */
    public int vertexCount() {
        return scene.get() == null ? 0 : scene.get().mesh().vertexCount();
    }

    /** What the pane shows, for an exported figure; null before the first scene. FX thread. */
    public TrajectoryFigure.Data figureData() {
        TrajectoryScene s = scene.get();
        if (s == null) {
            return null;
        }
        return new TrajectoryFigure.Data(s.step(), s.steps(), s.shown(), s.path(), s.emphasised(), s.dimmed(),
                s.coloring(), s.normalization(), s.varianceRatio(), fixedProjected, fixedStable, fixedModes);
    }

    public void dispose() {
        builds.dispose();
        disposer.dispose();
    }
}
