package org.attractorlab.app.panes.fixedpoints;

import java.util.List;
import java.util.Locale;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.app.session.AnalysisHub;
import org.attractorlab.app.session.LiveAnalysis;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TrialBatch;
import org.attractorlab.figure.FixedPointOverlay;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * Fixed points of the network at the step of an analysis frame: the search settings, the search itself (off the FX
 * thread, on a copy of the network with that step's parameters, from the frame's hidden states), the table rows,
 * the eigenvalue spectrum datasets, the shared fixed-point selection and the overlay for the 3D pane. A search runs
 * when {@link #find()} is called, and by itself on every live frame N or more training steps after the last
 * automatic one when "refresh every" is N &gt; 0. FX thread only, except the search.
 */
public final class FixedPointsViewModel {
    /** Series key of the eigenvalues of all points. */
    public static final String ALL_POINTS = "all points";
    /** Series key of the eigenvalues of the selected point. */
    public static final String SELECTED_POINT = "selected point";
    private static final int NONE = Integer.MIN_VALUE;

    private final SessionViewModel session;
    private final AnalysisHub hub;
    private final SelectionModel selection;
    private final SearchSettings settings = new SearchSettings();
    private final LatestJob<Outcome> job;
    private final Disposer disposer = new Disposer();
    private final Runnable unsubscribeService;
    private final ReadOnlyObjectWrapper<FixedPointResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<AnalysisFrame> resultFrame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<FixedPointOverlay> overlay =
            new ReadOnlyObjectWrapper<>(FixedPointOverlay.EMPTY);
    private final ObservableList<PointRow> rows = FXCollections.observableArrayList();
    private final ObservableList<PointRow> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canFind = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(IDLE);
    private final ReadOnlyStringWrapper settingsError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper searchError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rateNetwork = new ReadOnlyBooleanWrapper();
    private final BooleanProperty continuousTime = new SimpleBooleanProperty();
    private final DefaultXYDataset allEigenvalues = new DefaultXYDataset();
    private final DefaultXYDataset selectedEigenvalues = new DefaultXYDataset();
    private SearchSettings.Parsed parsed;
    private Spectrum spectrum;
    private long submitted;
    private int lastAutoStep = NONE;
    private boolean publishing;

    private static final String IDLE = "Press Find to search for fixed points";

    /** The result of one search, computed off the FX thread; {@code error} is set instead when it failed. */
    private record Outcome(long id, TrainingService service, AnalysisFrame frame, FixedPointResult result,
                           List<PointRow> rows, Spectrum spectrum, String error) {
    }

    /** All points' eigenvalues as scatter data [2][n]: discrete lambda, and (rate networks) (lambda - 1) / alpha. */
    private record Spectrum(double[][] discrete, double[][] continuous) {
        static Spectrum of(FixedPointResult r) {
            return new Spectrum(flatten(r.eigenReal(), r.eigenImag()),
                    r.rateReal() == null ? null : flatten(r.rateReal(), r.rateImag()));
        }

        private static double[][] flatten(double[][] re, double[][] im) {
            int n = 0;
            for (double[] row : re) {
                n += row.length;
            }
            double[][] xy = new double[2][n];
            int k = 0;
            for (int i = 0; i < re.length; i++) {
                System.arraycopy(re[i], 0, xy[0], k, re[i].length);
                System.arraycopy(im[i], 0, xy[1], k, im[i].length);
                k += re[i].length;
            }
            return xy;
        }
    }

    public FixedPointsViewModel(SessionViewModel session, AnalysisHub hub, SelectionModel selection,
                                FrameDrain drain, java.util.concurrent.Executor executor) {
        this.session = session;
        this.hub = hub;
        this.selection = selection;
        job = new LatestJob<>("fixed points", executor, drain, this::accept, message -> {
            busy.set(false);
            searchError.set("Search failed: " + message);
        });
        InvalidationListener revalidate = o -> validate();
        for (var p : settings.all()) {
            disposer.invalidated(p, revalidate);
        }
        disposer.invalidated(settingsError, o -> updateError());
        disposer.invalidated(searchError, o -> updateError());
        disposer.listen(hub.frameProperty(), (o, a, f) -> onFrame(f));
        // the last frame of a run may arrive before the run is marked finished: look again when it is
        disposer.listen(session.phaseProperty(), (o, a, p) -> {
            if (p == TrainingService.Phase.FINISHED) {
                autoSearch(hub.frameProperty().get());
            }
        });
        disposer.listen(selection.fixedPointProperty(), (o, a, b) -> refreshSelectedEigenvalues());
        disposer.invalidated(continuousTime, o -> {
            refreshAllEigenvalues();
            refreshSelectedEigenvalues();
        });
        unsubscribeService = session.addServiceListener(s -> clear());
        validate();
    }

    public SearchSettings settings() {
        return settings;
    }

    /** The newest search result shown, or null. */
    public ReadOnlyObjectProperty<FixedPointResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The analysis frame the shown result was searched on (its step, hidden states and PCA basis), or null. */
    public ReadOnlyObjectProperty<AnalysisFrame> resultFrameProperty() {
        return resultFrame.getReadOnlyProperty();
    }

    /**
     * The points for the 3D pane, projected on the PCA basis of the newest analysis frame (re-projected whenever a
     * frame arrives); {@link FixedPointOverlay#EMPTY} when there is no result. Never null.
     */
    public ReadOnlyObjectProperty<FixedPointOverlay> overlayProperty() {
        return overlay.getReadOnlyProperty();
    }

    /** One row per point of the result, in result order (read-only). */
    public ObservableList<PointRow> rows() {
        return readOnlyRows;
    }

    /** True while a search runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** Whether {@link #find()} can run: valid settings and an analysis frame to search on. */
    public ReadOnlyBooleanProperty canFindProperty() {
        return canFind.getReadOnlyProperty();
    }

    /** Progress, or the summary of the result: "27 fixed points: 8 stable, 19 unstable; 1.2 s, step 400". */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** What is wrong with the settings or the last search, or "" when nothing is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether the result has continuous-time rates (leaky/vanilla RNN): {@link #continuousTimeProperty()} applies. */
    public ReadOnlyBooleanProperty rateNetworkProperty() {
        return rateNetwork.getReadOnlyProperty();
    }

    /** Show the spectrum as continuous-time rates (lambda - 1) / alpha instead of the eigenvalues lambda of the map. */
    public BooleanProperty continuousTimeProperty() {
        return continuousTime;
    }

    /** One series ({@link #ALL_POINTS}) with the eigenvalues of every point: (Re, Im). */
    public DefaultXYDataset allEigenvalues() {
        return allEigenvalues;
    }

    /** One series ({@link #SELECTED_POINT}): the eigenvalues of the selected point; none when none is selected. */
    public DefaultXYDataset selectedEigenvalues() {
        return selectedEigenvalues;
    }

    /** The shared selection's fixed point (index into the result, -1 for none). */
    public IntegerProperty selectedPointProperty() {
        return selection.fixedPointProperty();
    }

    /** Selects a point in the shared selection (-1 clears it). */
    public void selectPoint(int index) {
        if (!publishing) {
            selection.fixedPointProperty().set(index);
        }
    }

    /**
     * What an eigenvalue of the spectrum is: "point 3, mode 1: lambda = 0.951 + 0.020i · |lambda| = 0.951 ·
     * tau = 198 ms" (tau = dt / |ln |lambda||; in steps for networks without a time step). {@code dataset} 0 is the
     * selected point's series ({@link #selectedEigenvalues()}), 1 all points' ({@link #allEigenvalues()}); null if
     * the item does not exist.
     */
    public String describeEigenvalue(int dataset, int item) {
        FixedPointResult r = result.get();
        if (r == null || item < 0) {
            return null;
        }
        int point;
        int mode;
        if (dataset == 0) {
            point = selection.fixedPointProperty().get();
            mode = item;
        } else {
            point = 0;
            mode = item;
            while (point < r.count() && mode >= r.eigenReal()[point].length) {
                mode -= r.eigenReal()[point].length;
                point++;
            }
        }
        if (point < 0 || point >= r.count() || mode >= r.eigenReal()[point].length) {
            return null;
        }
        double re = r.eigenReal()[point][mode];
        double im = r.eigenImag()[point][mode];
        double modulus = Math.hypot(re, im);
        String tau = r.timeConstantsMillis() != null
                ? String.format(java.util.Locale.ROOT, "%.4g ms", r.timeConstantsMillis()[point][mode])
                : String.format(java.util.Locale.ROOT, "%.4g steps", 1 / Math.abs(Math.log(modulus)));
        String text = String.format(java.util.Locale.ROOT,
                "point %d, mode %d: \u03bb = %.4f %s %.4fi \u00b7 |\u03bb| = %.4f \u00b7 \u03c4 = %s%s", point, mode,
                re, im < 0 ? "\u2212" : "+", Math.abs(im), modulus, tau, modulus > 1 ? " (unstable)" : "");
        if (showsContinuousTime()) {
            text += String.format(java.util.Locale.ROOT, "%nrate (\u03bb \u2212 1)/\u03b1 = %.4f %s %.4fi",
                    r.rateReal()[point][mode], r.rateImag()[point][mode] < 0 ? "\u2212" : "+",
                    Math.abs(r.rateImag()[point][mode]));
        }
        return text;
    }

    /** Whether the spectrum shows the continuous-time view now. */
    public boolean showsContinuousTime() {
        return continuousTime.get() && rateNetwork.get();
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
            searchError.set("No analysis frame yet: wait a moment for the first one");
            return false;
        }
        return submit(frame, parsed);
    }

    private boolean submit(AnalysisFrame frame, SearchSettings.Parsed p) {
        FixedPointOptions o = p.options();
        if (p.probeTrial() >= 0) {
            TrialBatch batch = frame.states().batch();
            if (batch == null || p.probeTrial() >= batch.trials() || p.probeStep() >= batch.steps()) {
                searchError.set("The frame has no probe input for trial " + p.probeTrial() + " at step "
                        + p.probeStep());
                return false;
            }
            float[] u = new float[batch.inputSize()];
            System.arraycopy(batch.inputs(), batch.inputIndex(p.probeTrial(), p.probeStep(), 0), u, 0, u.length);
            o = o.withInput(u);
        }
        TrainingService service = session.serviceProperty().get();
        long id = ++submitted;
        busy.set(true);
        searchError.set("");
        status.set(String.format(Locale.ROOT, "Searching %d initial states at step %d (%s)...", o.initialStates(),
                frame.step(), settings.describeInput(p)));
        FixedPointOptions options = o;
        job.submit(() -> compute(id, service, frame, options));
        return true;
    }

    /** The search, on the job's thread: the network with the frame's parameters, the frame's states as the pool. */
    private static Outcome compute(long id, TrainingService service, AnalysisFrame frame, FixedPointOptions o) {
        try {
            TrainingService.Snapshot snapshot = null;
            for (TrainingService.Snapshot s : service.history()) {
                if (s.step() == frame.step()) {
                    snapshot = s;
                }
            }
            if (snapshot == null) {
                throw new IllegalStateException("no parameter snapshot for step " + frame.step());
            }
            Network net = service.experiment().network().copy();
            net.setParameters(snapshot.parameters());
            FixedPointResult r = FixedPointFinder.find(net, o, frame.states());
            return new Outcome(id, service, frame, r, PointRow.of(r), Spectrum.of(r), null);
        } catch (RuntimeException e) {
            return new Outcome(id, service, frame, null, null, null,
                    e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void accept(Outcome o) {
        if (o.id() == submitted) {
            busy.set(false);
        }
        if (o.service() != session.serviceProperty().get()) {
            return; // searched on a network that has since been reset
        }
        if (o.error() != null) {
            searchError.set("Search failed: " + o.error());
            status.set("Search failed at step " + o.frame().step());
            return;
        }
        float[] previous = selectedState();
        FixedPointResult r = o.result();
        publishing = true;
        try {
            spectrum = o.spectrum();
            resultFrame.set(o.frame());
            rateNetwork.set(r.rateReal() != null);
            result.set(r);
            rows.setAll(o.rows());
            reproject(hub.frameProperty().get() != null ? hub.frameProperty().get() : o.frame());
            refreshAllEigenvalues();
            selection.fixedPointProperty().set(nearest(previous, r));
        } finally {
            publishing = false;
        }
        refreshSelectedEigenvalues();
        status.set(summary(r, o.frame().step()));
    }

    /** "27 fixed points: 8 stable, 19 unstable; 640 ms, step 400" (slow points counted apart). */
    static String summary(FixedPointResult r, int step) {
        int fixed = r.fixedPointCount();
        int stable = r.stableFixedPointCount();
        int slow = r.count() - fixed;
        String time = r.wallSeconds() >= 1 ? String.format(Locale.ROOT, "%.1f s", r.wallSeconds())
                : String.format(Locale.ROOT, "%.0f ms", r.wallSeconds() * 1000);
        return String.format(Locale.ROOT, "%d fixed point%s: %d stable, %d unstable%s; %s, step %d", fixed,
                fixed == 1 ? "" : "s", stable, fixed - stable,
                slow == 0 ? "" : String.format(Locale.ROOT, ", and %d slow point%s", slow, slow == 1 ? "" : "s"),
                time, step);
    }

    private void onFrame(AnalysisFrame f) {
        if (f == null) {
            return;
        }
        if (result.get() != null) {
            reproject(f);
        }
        validate();
        autoSearch(f);
    }

    /** Searches on a live frame when "refresh every" or "search when training ends" asks for it. */
    private void autoSearch(AnalysisFrame f) {
        if (parsed != null && f != null && f.live() && (parsed.refreshEvery() > 0 && due(f.step(),
                parsed.refreshEvery()) || settings.atEndProperty().get() && atEnd(f.step()))) {
            lastAutoStep = f.step();
            submit(f, parsed);
        }
    }

    /**
     * Whether an automatic search is due at {@code step}: at the first live frame, at the first frame of every new
     * multiple of {@code every} steps, and at the last frame of a finished run.
     */
    private boolean due(int step, int every) {
        if (lastAutoStep == NONE) {
            return true;
        }
        if (step <= lastAutoStep) {
            return false;
        }
        TrainingService service = session.serviceProperty().get();
        return step / every != lastAutoStep / every
                || (service != null && service.phase() == TrainingService.Phase.FINISHED);
    }

    /** Whether {@code step} is the last step of a finished run that has not been searched yet. */
    private boolean atEnd(int step) {
        TrainingService service = session.serviceProperty().get();
        return service != null && service.phase() == TrainingService.Phase.FINISHED
                && step == service.lastStatus().step() && step != lastAutoStep;
    }

    private void reproject(AnalysisFrame f) {
        FixedPointResult r = result.get();
        if (r == null || f == null || f.pca().units() != f.states().units()
                || resultFrame.get().states().units() != f.states().units()) {
            return;
        }
        overlay.set(FixedPointOverlay.of(resultFrame.get().step(), r, f.pca(), f.projections()));
    }

    /** The state of the selected point of the shown result, or null. */
    private float[] selectedState() {
        FixedPointResult r = result.get();
        int i = selection.fixedPointProperty().get();
        return r == null || i < 0 || i >= r.count() ? null : r.points()[i];
    }

    /** The point of {@code r} nearest to {@code previous}, if within 10% of its norm (at least 0.1), else -1. */
    private static int nearest(float[] previous, FixedPointResult r) {
        if (previous == null) {
            return -1;
        }
        int best = -1;
        double bestDistance = Double.POSITIVE_INFINITY;
        double norm = 0;
        for (float v : previous) {
            norm += (double) v * v;
        }
        for (int i = 0; i < r.count(); i++) {
            float[] p = r.points()[i];
            if (p.length != previous.length) {
                return -1;
            }
            double d = 0;
            for (int j = 0; j < p.length; j++) {
                double e = (double) p[j] - previous[j];
                d += e * e;
            }
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        double limit = 0.1 * Math.max(1, Math.sqrt(norm));
        return Math.sqrt(bestDistance) <= limit ? best : -1;
    }

    private void refreshAllEigenvalues() {
        if (spectrum == null) {
            if (allEigenvalues.getSeriesCount() > 0) {
                allEigenvalues.removeSeries(ALL_POINTS);
            }
            return;
        }
        allEigenvalues.addSeries(ALL_POINTS, showsContinuousTime() ? spectrum.continuous() : spectrum.discrete());
    }

    private void refreshSelectedEigenvalues() {
        FixedPointResult r = result.get();
        int i = selection.fixedPointProperty().get();
        if (r == null || i < 0 || i >= r.count()) {
            if (selectedEigenvalues.getSeriesCount() > 0) {
                selectedEigenvalues.removeSeries(SELECTED_POINT);
            }
            return;
        }
        boolean rates = showsContinuousTime();
        double[] re = rates ? r.rateReal()[i] : r.eigenReal()[i];
        double[] im = rates ? r.rateImag()[i] : r.eigenImag()[i];
        selectedEigenvalues.addSeries(SELECTED_POINT, new double[][]{re.clone(), im.clone()});
    }

    private void validate() {
        TrainingService service = session.serviceProperty().get();
        if (service == null) {
            return;
        }
        Task task = service.experiment().task();
        AnalysisFrame f = hub.frameProperty().get();
        SearchSettings.Context context = new SearchSettings.Context(task.inputNames(),
                f != null ? f.states().trials() : LiveAnalysis.PROBE_TRIALS,
                f != null ? f.states().steps() : task.steps());
        try {
            parsed = settings.parse(context, task.dtMillis());
            settingsError.set("");
        } catch (IllegalArgumentException e) {
            parsed = null;
            settingsError.set(e.getMessage());
        }
        canFind.set(parsed != null && f != null);
    }

    private void updateError() {
        error.set(!settingsError.get().isEmpty() ? settingsError.get() : searchError.get());
    }

    /** Forgets the result: a new training service (reset, new config) has a different network. */
    private void clear() {
        publishing = true;
        try {
            spectrum = null;
            result.set(null);
            resultFrame.set(null);
            rateNetwork.set(false);
            rows.clear();
            overlay.set(FixedPointOverlay.EMPTY);
            refreshAllEigenvalues();
            selection.fixedPointProperty().set(-1);
        } finally {
            publishing = false;
        }
        refreshSelectedEigenvalues();
        lastAutoStep = NONE;
        searchError.set("");
        status.set(IDLE);
        validate();
    }

    public void dispose() {
        job.dispose();
        unsubscribeService.run();
        disposer.dispose();
    }
}
