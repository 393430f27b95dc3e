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
import org.attractorlab.core.sweep.OodVsTasks;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.task.EvidenceMultitaskTask;

/**
 * The sweep window's OOD tab, for a sweep of evidence-multitask runs: Vafidis et al.'s in-distribution and OOD r^2
 * against N_task, one line per D ({@link OodVsTasks}, as {@code export --figure ood-vs-tasks} computes it), on
 * "Compute" on the injected executor. FX thread only (except the computation).
 */
public final class OodTasksViewModel {
    private final SweepDirectory sweep;
    private final LatestJob<OodVsTasks.Result> job;
    private final ReadOnlyObjectWrapper<OodVsTasks.Result> computed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Press Compute for the OOD test of every done run against N_task");

    /** @param executor where the runs are analysed (tests pass {@code Runnable::run}) */
    public OodTasksViewModel(SweepDirectory sweep, FrameDrain drain, Executor executor) {
        this.sweep = sweep;
        job = new LatestJob<>("ood-vs-tasks", executor, drain, this::show, this::fail);
    }

    /** Whether the sweep's base config is an evidence-multitask config, so that the tab is offered. */
    public static boolean appliesTo(SweepDirectory sweep) {
        return EvidenceMultitaskTask.NAME.equals(sweep.plan().spec().base().taskName());
    }

    /** Reads (or computes) the OOD numbers of every done run, in the background. */
    public void compute() {
        busy.set(true);
        message.set("Running the OOD test on the done runs\u2026");
        job.submit(() -> OodVsTasks.of(sweep));
    }

    private void show(OodVsTasks.Result r) {
        busy.set(false);
        computed.set(r);
        message.set(r.summary() + (r.leftOut().isEmpty() ? "" : "; left out " + String.join(", ", r.leftOut())));
    }

    private void fail(String why) {
        busy.set(false);
        message.set("Could not draw the OOD test: " + why);
    }

    /** The figure's data, or null before the first computation. */
    public ReadOnlyObjectProperty<OodVsTasks.Result> computedProperty() {
        return computed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /** What was computed, or why not. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public void dispose() {
        job.dispose();
    }
}
