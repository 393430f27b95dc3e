package org.attractorlab.core.sweep;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.run.RunDirectory;
import org.attractorlab.core.run.RunTraining;
import org.attractorlab.core.train.TrainingStatus;

/**
 * Trains one run of a sweep into its run directory and records how it ended. The local backend's workers and a
 * cluster's array tasks ({@code sweep-run}) both run this, so a run is the same wherever it trains.
 */
public final class SweepRun {
    private SweepRun() {
    }

    /**
     * Trains {@code p}: clears what an earlier, unfinished or failed attempt left (only the files a run writes),
     * trains, summarises, and writes the record last.
     *
     * @param stop polled between training steps: true leaves the run unfinished (no record), to be redone
     * @return the record, or null when {@code stop} cut the run short
     * @throws IOException when the run directory cannot be written (the message names it)
     */
    public static RunRecord execute(SweepDirectory sweep, SweepPoint p, BooleanSupplier stop) throws IOException {
        long t0 = System.nanoTime();
        Path dir = sweep.runDir(p);
        Files.deleteIfExists(dir.resolve(RunRecord.FILE));
        ExperimentConfig config = sweep.plan().config(p);
        RunDirectory run = RunDirectory.create(dir, true);
        RunRecord record;
        try {
            RunTraining training = new RunTraining(config, run);
            TrainingStatus last = training.train(s -> { }, stop);
            if (last.state() == TrainingStatus.State.CANCELLED && stop.getAsBoolean()) {
                return null;
            }
            if (last.state() == TrainingStatus.State.FAILED) {
                record = new RunRecord(p.index(), RunRecord.State.FAILED, last.message(), seconds(t0), host(),
                        RunSummary.of(training.experiment(), last, List.of()).values());
            } else {
                RunSummary.Values v = RunSummary.of(training.experiment(), last, sweep.plan().spec().analyses());
                record = new RunRecord(p.index(), RunRecord.State.DONE, String.join("; ", v.notes()), seconds(t0),
                        host(), v.values());
            }
        } catch (RuntimeException e) {
            record = new RunRecord(p.index(), RunRecord.State.FAILED, e.getMessage() == null ? e.toString()
                    : e.getMessage(), seconds(t0), host(), java.util.Map.of());
        }
        record.write(dir);
        return record;
    }

    private static double seconds(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "";
        }
    }
}
