package org.attractorlab.app.panes.fixedpoints;

import java.util.concurrent.Executor;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ObservableList;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.SearchSchedule;
import org.attractorlab.figure.FixedPointOverlay;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Fixed points of the network at the step of an analysis frame: the search settings (defaults from
 * {@link FixedPointStudy#defaultsFor}), the search itself (off the FX thread, through {@link FixedPointStudy} on a
 * copy of the network with that step's parameters, from the frame's hidden states, see {@link SearchOutcome}), and
 * what the pane shows of its result ({@link PointsModel}: table rows, spectrum, shared selection, 3D overlay). A
 * search runs when {@link #find()} is called, and by itself when the {@link SearchSchedule} says so ("refresh
 * every" N &gt; 0, "search when training ends"). FX thread only, except the search.
 */
public final class FixedPointsViewModel {
    /** Series key of the eigenvalues of all points. */
    public static final String ALL_POINTS = "all points";
    /** Series key of the eigenvalues of the selected point. */
    public static final String SELECTED_POINT = "selected point";

    private final SessionViewModel session;
    private final AnalysisHub hub;
    private final SelectionModel selection;
    private final SearchSettings settings = new SearchSettings();
    private final SearchSchedule schedule = new SearchSchedule();
    private final PointsModel points;
    private final SearchJob search;
    private final Disposer disposer = new Disposer();
    private final ReadOnlyBooleanWrapper canFind = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private SearchSettings.Parsed parsed;

    public FixedPointsViewModel(SessionViewModel session, AnalysisHub hub, SelectionModel selection,
                                FrameDrain drain, Executor executor) {
        this.session = session;
        this.hub = hub;
        this.selection = selection;
        points = new PointsModel(selection);
        search = new SearchJob(session, points, hub.frameProperty()::get, drain, executor);
        error.bind(Bindings.when(settingsError.isEmpty()).then(search.error()).otherwise(settingsError));
        InvalidationListener revalidate = o -> validate();
        for (var p : settings.all()) {
            disposer.invalidated(p, revalidate);
        }
        disposer.listen(hub.frameProperty(), (o, a, f) -> onFrame(f));
        // the last frame of a run may arrive before the run is marked finished: look again when it is
        disposer.listen(session.phaseProperty(), (o, a, p) -> {
            if (p == TrainingService.Phase.FINISHED) {
                autoSearch(hub.frameProperty().get());
            }
        });
        disposer.onDispose(session.addServiceListener(s -> clear()));
        validate();
    }

    public SearchSettings settings() {
        return settings;
    }

    /** The newest search result shown, or null. */
    public ReadOnlyObjectProperty<FixedPointResult> resultProperty() {
        return points.result().getReadOnlyProperty();
    }

    /** The analysis frame the shown result was searched on (its step, hidden states and PCA basis), or null. */
    public ReadOnlyObjectProperty<AnalysisFrame> resultFrameProperty() {
        return points.resultFrame().getReadOnlyProperty();
    }

    /**
     * The points for the 3D pane, projected on the PCA basis of the newest analysis frame (re-projected whenever a
     * frame arrives); {@link FixedPointOverlay#EMPTY} when there is no result. Never null.
     */
    public ReadOnlyObjectProperty<FixedPointOverlay> overlayProperty() {
        return points.overlay().getReadOnlyProperty();
    }

    /** One row per point of the result, in result order (read-only). */
    public ObservableList<PointRow> rows() {
        return points.rows();
    }

    /** True while a search runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return search.busy().getReadOnlyProperty();
    }

    /** Whether {@link #find()} can run: valid settings and an analysis frame to search on. */
    public ReadOnlyBooleanProperty canFindProperty() {
        return canFind.getReadOnlyProperty();
    }

    /** Progress, or the summary of the result: "27 fixed points: 8 stable, 19 unstable; 1.2 s, step 400". */
    public ReadOnlyStringProperty statusProperty() {
        return search.status().getReadOnlyProperty();
    }

    /** The shown result's attractor summary: unit eigenvalues and manifold dimension of its points, or "". */
    public ReadOnlyStringProperty attractorProperty() {
        return search.attractor().getReadOnlyProperty();
    }

    /** What is wrong with the settings or the last search, or "" when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the result has continuous-time rates (leaky/vanilla RNN): {@link #continuousTimeProperty()} applies. */
    public ReadOnlyBooleanProperty rateNetworkProperty() {
        return points.rateNetwork().getReadOnlyProperty();
    }

    /** Show the spectrum as continuous-time rates (lambda - 1) / alpha instead of the eigenvalues lambda of the map. */
    public BooleanProperty continuousTimeProperty() {
        return points.continuousTime();
    }

    /** Whether the spectrum shows the continuous-time view now. */
    public boolean showsContinuousTime() {
        return points.continuous();
    }

    /** One series ({@link #ALL_POINTS}) with the eigenvalues of every point: (Re, Im). */
    public DefaultXYDataset allEigenvalues() {
        return points.spectrum().all();
    }

    /** One series ({@link #SELECTED_POINT}): the eigenvalues of the selected point; none when none is selected. */
    public DefaultXYDataset selectedEigenvalues() {
        return points.spectrum().selected();
    }

    /**
     * What an eigenvalue of the spectrum is: "point 3, mode 1: lambda = 0.951 + 0.020i · |lambda| = 0.951 ·
     * tau = 198 ms" (tau = dt / |ln |lambda||; in steps for networks without a time step). {@code dataset} 0 is the
     * selected point's series ({@link #selectedEigenvalues()}), 1 all points' ({@link #allEigenvalues()}); null if
     * the item does not exist.
     */
    public String describeEigenvalue(int dataset, int item) {
        return points.describe(dataset, item);
    }

    /** The shared selection's fixed point (index into the result, -1 for none). */
    public IntegerProperty selectedPointProperty() {
        return selection.fixedPointProperty();
    }

    /** Selects a point in the shared selection (-1 clears it). */
    public void selectPoint(int index) {
        points.select(index);
    }

    /**
     * Starts a search on the newest analysis frame with the current settings. Refused (false) with a message in
     * {@link #errorProperty()} when the settings are invalid or there is no frame yet.
     */
    public boolean find() {
        validate();
        if (parsed == null) {
            return false;
        }
        AnalysisFrame frame = hub.frameProperty().get();
        if (frame == null) {
            search.error().set("No analysis frame yet: wait a moment for the first one");
            return false;
        }
        return submit(frame, parsed);
    }

    private boolean submit(AnalysisFrame frame, SearchSettings.Parsed p) {
        return search.submit(frame, p, settings.describeInput(p, session.serviceProperty().get().experiment().task()));
    }

    /** The study's summary and the step: "27 fixed points: 8 stable, 19 unstable; 640 ms, step 400". */
    static String summary(FixedPointResult r, int step) {
        return FixedPointStudy.summary(r) + ", step " + step;
    }

    private void onFrame(AnalysisFrame f) {
        if (f != null) {
            points.reproject(f);
            validate();
            autoSearch(f);
        }
    }

    /** Searches on a live frame when the schedule asks for it ("refresh every", "search when training ends"). */
    private void autoSearch(AnalysisFrame f) {
        TrainingService service = session.serviceProperty().get();
        if (parsed != null && f != null && f.live() && service != null
                && schedule.take(f.step(), parsed.refreshEvery(), settings.atEndProperty().get(),
                service.phase() == TrainingService.Phase.FINISHED, service.lastStatus().step())) {
            submit(f, parsed);
        }
    }

    /** Parses the settings against the service's task and the newest frame, with the study's defaults. */
    private void validate() {
        TrainingService service = session.serviceProperty().get();
        if (service == null) {
            return;
        }
        AnalysisFrame f = hub.frameProperty().get();
        try {
            parsed = settings.parse(SearchSettings.Context.of(service.experiment().task(), f == null ? null
                    : f.states()), FixedPointStudy.defaultsFor(service.experiment()));
            settingsError.set("");
        } catch (IllegalArgumentException e) {
            parsed = null;
            settingsError.set(e.getMessage());
        }
        canFind.set(parsed != null && f != null);
    }

    /** Forgets the result: a new training service (reset, new config) has a different network. */
    private void clear() {
        points.clear();
        schedule.reset();
        search.reset();
        validate();
    }

    public void dispose() {
        search.dispose();
        points.dispose();
        disposer.dispose();
        error.unbind();
    }
}
