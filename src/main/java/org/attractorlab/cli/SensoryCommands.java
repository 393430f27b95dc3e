package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.attractorlab.sensory.cnn.StimulusSet;

/** What the sensory commands share: opening a stimulus set with a one-line error, and the progress bar. */
final class SensoryCommands {
    private SensoryCommands() {
    }

    static StimulusSet open(Path dir) {
        try {
            return StimulusSet.open(dir);
        } catch (IOException e) {
            throw new Cli.UserError("--stimuli: " + e.getMessage(), e);
        }
    }

    /** A progress bar that appears with the first step, so that an early error is not preceded by an empty bar. */
    static final class LazyBar implements org.attractorlab.sensory.cnn.Progress, AutoCloseable {
        private final boolean quiet;
        private final String task;
        private final String unit;
        private ProgressBar bar;

        LazyBar(boolean quiet, String task, String unit) {
            this.quiet = quiet;
            this.task = task;
            this.unit = unit;
        }

        @Override
        public void step(long done, long total, String message) {
            if (quiet) {
                return;
            }
            if (bar == null) {
                bar = bar(false, task, total, unit);
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }

    static ProgressBar bar(boolean quiet, String task, long max, String unit) {
        if (quiet) {
            return null;
        }
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max).setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(250).setUnit(unit, 1)
                .setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true))).build();
    }
}
