package org.attractorlab.core.reproduce;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;
import org.attractorlab.core.sweep.SweepDirectory;

/**
 * The analyses of one experiment: from its trained sweeps to tables, figures and claims, through the study layer.
 * One implementation per shipped experiment; each claim is one method, so that a claim not tested yet becomes
 * tested by rewriting that method once its analysis exists.
 */
public interface Reproducer {

    /**
     * What the analyses see.
     *
     * @param spec   the experiment
     * @param scale  the scale it ran at
     * @param dir    the reproduction's directory (figures and report are written here)
     * @param sweeps the trained sweeps, by the spec's sweep names
     * @param log    one line per step, for the user
     */
    record Context(ReproduceSpec spec, Scale scale, Path dir, Map<String, SweepDirectory> sweeps,
                   Consumer<String> log) {
        /** The sweep of that name. */
        public SweepDirectory sweep(String name) {
            SweepDirectory s = sweeps.get(name);
            if (s == null) {
                throw new IllegalStateException("experiment " + spec.name() + " has no sweep '" + name + "'");
            }
            return s;
        }

        /** A run or sweep directory relative to the reproduction's directory, with '/' separators. */
        public String relative(Path p) {
            return dir.toAbsolutePath().normalize().relativize(p.toAbsolutePath().normalize()).toString()
                    .replace('\\', '/');
        }
    }

    /** Runs the experiment's analyses on its trained sweeps. */
    Findings analyse(Context c) throws java.io.IOException;

    /** The analyses of a shipped experiment. */
    static Reproducer forName(String name) {
        return switch (name) {
            case "flipflop" -> new FlipFlopReproducer();
            case "disentangle" -> new DisentangleReproducer();
            case "nback" -> new NBackReproducer();
            case "degeneracy" -> new DegeneracyReproducer();
            default -> throw new ReproduceException("no experiment '" + name + "'; the experiments are "
                    + String.join(", ", ReproduceSpec.NAMES));
        };
    }
}
