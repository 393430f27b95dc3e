package org.attractorlab.app.sweep;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * The sweep view: the table of runs (filtered by one value per axis, or all), and the plot of a summary column
 * against an axis with one line per value of a second axis ({@link SweepPlot}: a {@link SweepSeries} over the
 * visible runs). The run records are re-read every {@link #REFRESH_NANOS} on the injected executor
 * ({@link RecordsPoll}), only those of runs not yet done, so runs appear as a sweep trains them. FX thread only
 * (except the reading).
 */
public final class SweepViewModel {
    /** How often the records are re-read. */
    public static final long REFRESH_NANOS = 2_000_000_000L;
    /** The filter value that lets every run through. */
    public static final String ALL = "all";
    /** The series choice for a single line. */
    public static final String NONE = SweepPlot.NONE;
    /** The states the counts name, in their order. */
    private static final List<String> STATES = List.of("done", "failed", "running", "unfinished", "pending");

    private final SweepDirectory sweep;
    private final List<String> axes;
    private final RecordsPoll poll;
    private final Consumer<Path> openRun;
    private final ObservableList<RunRow> all = FXCollections.observableArrayList();
    private final FilteredList<RunRow> visible = new FilteredList<>(all);
    private final ObservableList<String> columns = FXCollections.observableArrayList();
    private final ObservableList<String> columnsView = FXCollections.unmodifiableObservableList(columns);
    private final Map<String, ObjectProperty<String>> filters = new LinkedHashMap<>();
    private final SweepPlot plot;
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final PopulationViewModel population;
    private SweepSummary.Table table;

    /**
     * @param executor where the records are read (the window's analysis thread; tests pass {@code Runnable::run})
     * @param openRun  opens a run directory in the explorer panes
     */
    public SweepViewModel(SweepDirectory sweep, FrameDrain drain, Executor executor, Consumer<Path> openRun) {
        this.sweep = sweep;
        this.openRun = openRun;
        axes = sweep.plan().spec().axisNames();
        for (String a : axes) {
            ObjectProperty<String> f = new SimpleObjectProperty<>(ALL);
            f.addListener((o, was, now) -> refilter());
            filters.put(a, f);
        }
        plot = new SweepPlot(axes, this::shown);
        poll = new RecordsPoll(sweep, REFRESH_NANOS, drain, executor, this::show,
                m -> status.set("Could not read the sweep: " + m));
        population = new PopulationViewModel(sweep, drain, executor, org.attractorlab.core.study.Probe.TRIALS);
        refresh();
    }

    /** The Population tab: the degeneracy of the done runs. */
    public PopulationViewModel population() {
        return population;
    }

    /** Re-reads the records of the runs not yet done, in the background. */
    private void refresh() {
        poll.refresh();
    }

    private void show(SweepSummary.Table t) {
        table = t;
        int stateCol = t.header().indexOf("state");
        List<SweepPoint> points = sweep.plan().points();
        Map<String, Integer> byState = new LinkedHashMap<>();
        for (int i = 0; i < t.rows().size(); i++) {
            List<Object> row = t.rows().get(i);
            Map<String, String> a = new LinkedHashMap<>();
            axes.forEach(x -> a.put(x, String.valueOf(row.get(t.header().indexOf(x)))));
            Map<String, Double> v = new LinkedHashMap<>();
            t.metrics().forEach(m -> v.put(m, (Double) row.get(t.header().indexOf(m))));
            String state = (String) row.get(stateCol);
            byState.merge(state, 1, Integer::sum);
            RunRow r = new RunRow(i, points.get(i).name(), state, a, v, sweep.runDir(points.get(i)));
            if (i >= all.size()) {
                all.add(r);
            } else if (!all.get(i).equals(r)) {
                all.set(i, r);
            }
        }
        if (!columns.equals(t.metrics())) {
            columns.setAll(t.metrics());
        }
        plot.offer(t.metrics());
        StringBuilder c = new StringBuilder(t.rows().size() + " runs");
        String sep = ": ";
        for (String state : STATES) {
            if (byState.containsKey(state)) {
                c.append(sep).append(byState.get(state)).append(' ').append(state);
                sep = ", ";
            }
        }
        counts.set(c.toString());
        plot.replot();
    }

    private void refilter() {
        visible.setPredicate(this::passes);
        plot.replot();
    }

    private boolean passes(RunRow r) {
        for (var f : filters.entrySet()) {
            if (!ALL.equals(f.getValue().get()) && !f.getValue().get().equals(r.axes().get(f.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The summary table of the runs that pass the filters, or null before the first records are read. */
    private SweepSummary.Table shown() {
        if (table == null) {
            return null;
        }
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < table.rows().size() && i < all.size(); i++) {
            if (passes(all.get(i))) {
                rows.add(table.rows().get(i));
            }
        }
        return new SweepSummary.Table(table.header(), rows, table.axes(), table.metrics());
    }

    /** Opens a run in the explorer panes (as Open session... does), if it has a directory. */
    public void open(RunRow row) {
        if (!Files.isDirectory(row.dir())) {
            status.set("Run " + row.name() + " has not started: there is nothing to open");
            return;
        }
        status.set("Opening run " + row.name() + " in the explorer panes");
        openRun.accept(row.dir());
    }

    /** Shows a message in the view's status line. */
    public void say(String message) {
        status.set(message);
    }

    /** The axes, in the spec's order. */
    public List<String> axes() {
        return axes;
    }

    /** The values of an axis, in the sweep's order, after {@link #ALL}. */
    public List<String> filterChoices(String axis) {
        List<String> out = new ArrayList<>(List.of(ALL));
        sweep.plan().points().forEach(p -> {
            String v = p.axes().get(axis);
            if (v != null && !out.contains(v)) {
                out.add(v);
            }
        });
        return out;
    }

    /** {@link #NONE}, then the axes. */
    public List<String> seriesChoices() {
        List<String> out = new ArrayList<>(List.of(NONE));
        out.addAll(axes);
        return out;
    }

    /** The runs that pass the filters, in the sweep's order. */
    public ObservableList<RunRow> rows() {
        return visible;
    }

    /** The summary columns the records hold so far. */
    public ObservableList<String> columns() {
        return columnsView;
    }

    /** The value an axis's runs must have to be shown, or {@link #ALL}. */
    public ObjectProperty<String> filterProperty(String axis) {
        ObjectProperty<String> f = filters.get(axis);
        if (f == null) {
            throw new IllegalArgumentException("no axis '" + axis + "'; the axes are " + axes);
        }
        return f;
    }

    public ObjectProperty<String> xAxisProperty() {
        return plot.xAxisProperty();
    }

    public ObjectProperty<String> yColumnProperty() {
        return plot.yColumnProperty();
    }

    /** The axis with one line per value, or {@link #NONE}. */
    public ObjectProperty<String> seriesAxisProperty() {
        return plot.seriesAxisProperty();
    }

    /** What the plot shows, or null when there is nothing to plot ({@link #plotMessageProperty()} says why). */
    public ReadOnlyObjectProperty<SweepSeries> seriesProperty() {
        return plot.seriesProperty();
    }

    public ReadOnlyStringProperty plotMessageProperty() {
        return plot.messageProperty();
    }

    /** "9 runs: 4 done, 1 failed, 4 pending" (in that order). */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** What happened last (opening a run, an export, a read error). */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Stops re-reading the records and delivering the population's results. */
    public void dispose() {
        poll.dispose();
        population.dispose();
    }
}
