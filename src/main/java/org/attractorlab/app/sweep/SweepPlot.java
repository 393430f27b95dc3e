package org.attractorlab.app.sweep;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.attractorlab.core.sweep.SweepException;
import org.attractorlab.core.sweep.SweepSeries;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * What the sweep plot shows: the choices (a summary column along y against an axis along x, one line per value of
 * a second axis or {@link #NONE}) and the {@link SweepSeries} they give over the runs shown, or null with a message
 * saying why there is nothing to plot (no choice possible yet, a choice the table cannot plot, or no done run with a
 * value among the runs shown: an empty chart would say less). Any change of a choice replots. FX thread.
 */
final class SweepPlot {
    /** The series choice for a single line. */
    static final String NONE = "none";

    private final List<String> axes;
    private final Supplier<SweepSummary.Table> shown;
    private final ObjectProperty<String> xAxis = new SimpleObjectProperty<>();
    private final ObjectProperty<String> yColumn = new SimpleObjectProperty<>();
    private final ObjectProperty<String> seriesAxis = new SimpleObjectProperty<>(NONE);
    private final ReadOnlyObjectWrapper<SweepSeries> series = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Reading the runs\u2026");

    /**
     * @param axes  the sweep's axes, in the spec's order; x starts on the first that is not the seed
     * @param shown the summary table of the runs shown, or null while none has been read
     */
    SweepPlot(List<String> axes, Supplier<SweepSummary.Table> shown) {
        this.axes = axes;
        this.shown = shown;
        xAxis.set(axes.stream().filter(a -> !a.equals("seed")).findFirst().orElse(axes.isEmpty() ? null : axes.get(0)));
        xAxis.addListener((o, was, now) -> {
            if (Objects.equals(now, seriesAxis.get())) {
                seriesAxis.set(NONE);
            }
            replot();
        });
        yColumn.addListener((o, was, now) -> replot());
        seriesAxis.addListener((o, was, now) -> replot());
    }

    /** Keeps the column along y if it is among {@code columns}, else takes final_loss, else the first (or none). */
    void offer(List<String> columns) {
        if (yColumn.get() == null || !columns.contains(yColumn.get())) {
            yColumn.set(columns.contains("final_loss") ? "final_loss" : columns.isEmpty() ? null : columns.get(0));
        }
    }

    /** Recomputes the series over the runs shown (nothing before the first table is read). */
    void replot() {
        SweepSummary.Table t = shown.get();
        if (t == null) {
            return;
        }
        if (xAxis.get() == null || yColumn.get() == null) {
            set(null, axes.isEmpty() ? "The sweep has no axes to plot against"
                    : "No run has finished yet: nothing to plot");
            return;
        }
        try {
            String s = NONE.equals(seriesAxis.get()) ? null : seriesAxis.get();
            SweepSeries next = SweepSeries.of(t, xAxis.get(), yColumn.get(), s);
            if (next.runs() == 0) {
                set(null, "No done run among the runs shown has " + yColumn.get());
            } else {
                set(next, "");
            }
        } catch (SweepException e) {
            set(null, e.getMessage());
        }
    }

    private void set(SweepSeries s, String why) {
        if (!Objects.equals(s, series.get())) {
            series.set(s);
        }
        message.set(why);
    }

    ObjectProperty<String> xAxisProperty() {
        return xAxis;
    }

    ObjectProperty<String> yColumnProperty() {
        return yColumn;
    }

    ObjectProperty<String> seriesAxisProperty() {
        return seriesAxis;
    }

    ReadOnlyObjectProperty<SweepSeries> seriesProperty() {
        return series.getReadOnlyProperty();
    }

    ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
