package org.attractorlab.app.sweep;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.fx.GridGate;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.core.sweep.RunRecord;
import org.attractorlab.core.sweep.SweepDirectory;
import org.attractorlab.core.sweep.SweepPoint;
import org.attractorlab.core.sweep.SweepSummary;

/**
 * Re-reads a sweep's run records on a time grid: once per period of a {@link GridGate} (checked on the frame
 * drain's pulse) it reads, on the injected executor, the records of the runs not yet done (a done run's record
 * never changes and is read once) and hands their summary table to the FX thread, so that runs appear as a sweep
 * trains them. FX thread (except the reading).
 */
final class RecordsPoll {
    private final SweepDirectory sweep;
    /** The done runs' records, read once; touched only by the job (which never runs twice at once). */
    private final AtomicReferenceArray<RunRecord> done;
    private final LatestJob<SweepSummary.Table> job;
    private final Runnable unregister;
    /** Every run's record has been read as done: nothing can change any more. */
    private volatile boolean allDone;

    /**
     * @param periodNanos how often the records are re-read
     * @param executor    where they are read
     * @param onTable     gets each table read, on the FX thread
     * @param onError     gets the message of a read that failed, on the FX thread
     */
    RecordsPoll(SweepDirectory sweep, long periodNanos, FrameDrain drain, Executor executor,
                Consumer<SweepSummary.Table> onTable, Consumer<String> onError) {
        this.sweep = sweep;
        done = new AtomicReferenceArray<>(sweep.plan().points().size());
        job = new LatestJob<>("sweep records", executor, drain, onTable, onError);
        GridGate gate = new GridGate(periodNanos);
        unregister = drain.register(() -> {
            if (gate.open(System.nanoTime())) {
                refresh();
            }
        });
    }

    /** Re-reads the records of the runs not yet done, in the background; nothing once every run is done. */
    void refresh() {
        if (!allDone) {
            job.submit(this::read);
        }
    }

    private SweepSummary.Table read() {
        List<SweepPoint> points = sweep.plan().points();
        List<RunRecord> records = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            RunRecord r = done.get(i);
            if (r == null) {
                r = sweep.record(points.get(i));
                if (r != null && r.state() == RunRecord.State.DONE) {
                    done.set(i, r);
                }
            }
            records.add(r);
        }
        boolean all = true;
        for (int i = 0; i < points.size() && all; i++) {
            all = done.get(i) != null;
        }
        allDone = all;
        return SweepSummary.table(sweep, records);
    }

    /** Stops re-reading. */
    void dispose() {
        unregister.run();
        job.dispose();
    }
}
