package org.attractorlab.app.panes.fixedpoints;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.fixedpoint.FixedPointFinder;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.analysis.pca.Pca;
import org.attractorlab.core.analysis.pca.PcaOptions;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.figure.FixedPointOverlay;
import org.junit.jupiter.api.Test;

/** The pane's logic without the UI: settings validation, table rows and the 3D overlay. */
class FixedPointsModelTest {
    private static final double PROJECTION_TOLERANCE = 1e-5;
    private static final FixedPointOptions DEFAULTS = FixedPointOptions.DEFAULTS.withDtMillis(10);
    private static final SearchSettings.Context FLIP_FLOP = new SearchSettings.Context(List.of("a", "b", "c"), 128,
            100);

    @Test
    void defaultSettingsAreTheFinderDefaultsWithTheTasksStepDuration() {
        SearchSettings.Parsed p = new SearchSettings().parse(FLIP_FLOP, DEFAULTS.withDtMillis(20));
        assertEquals(FixedPointOptions.DEFAULTS.withDtMillis(20), p.options());
        // the study's defaults for an experiment: the task's step and the config's seed, as on the command line
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("seed=7")));
        p = new SearchSettings().parse(FLIP_FLOP, FixedPointStudy.defaultsFor(e));
        assertEquals(FixedPointOptions.DEFAULTS.withDtMillis(e.task().dtMillis()).withSeed(7), p.options());
        assertNull(p.options().input(), "zero input");
        assertEquals(0, p.refreshEvery());
        assertEquals(-1, p.probeTrial());
    }

    @Test
    void byDefaultThePaneSearchesAtTheTasksRestingInputAsTheCommandLineDoes() {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("evidence-multitask"),
                List.of("model.hidden_size=8")));
        SearchSettings s = new SearchSettings();
        assertEquals(SearchSettings.InputMode.REST, s.inputModeProperty().get());
        SearchSettings.Context c = SearchSettings.Context.of(e.task(), null);
        SearchSettings.Parsed p = s.parse(c, FixedPointStudy.defaultsFor(e));
        float[] rest = new float[41];
        rest[40] = 1;
        assertArrayEquals(rest, p.options().input(), "fixation on, no evidence");
        assertEquals(FixedPointStudy.defaultsFor(e), p.options(), "the study's defaults");
        assertEquals("the resting input (fixation = 1)", s.describeInput(p, e.task()));
        s.inputModeProperty().set(SearchSettings.InputMode.ZERO);
        p = s.parse(c, FixedPointStudy.defaultsFor(e));
        assertNull(p.options().input());
        assertEquals("zero input", s.describeInput(p, e.task()));
    }

    @Test
    void badSettingsNameTheSettingAndTheValue() {
        SearchSettings s = new SearchSettings();
        s.initialStatesProperty().set("12x");
        assertMessage(s, "Initial states", "12x");
        s.initialStatesProperty().set("0");
        assertMessage(s, "Initial states", "0");
        s.initialStatesProperty().set("256");
        s.tolQProperty().set("0");
        assertMessage(s, "tol q", "0");
        s.tolQProperty().set("1e-12");
        s.refreshEveryProperty().set("-5");
        assertMessage(s, "Refresh every", "-5");
        s.refreshEveryProperty().set("50");
        s.inputModeProperty().set(SearchSettings.InputMode.CUSTOM);
        s.inputValuesProperty().set("1, x, 0");
        assertMessage(s, "Input u* (b)", "x");
        s.inputValuesProperty().set("1, 0");
        assertMessage(s, "3 comma-separated values", "a, b, c");
        s.inputValuesProperty().set(" 1, 0.5 ,-2 ");
        SearchSettings.Parsed p = s.parse(FLIP_FLOP, DEFAULTS);
        assertArrayEquals(new float[]{1, 0.5f, -2}, p.options().input());
        assertEquals(256, p.options().initialStates());
        assertEquals(50, p.refreshEvery());
        s.inputModeProperty().set(SearchSettings.InputMode.PROBE);
        s.probeTrialProperty().set("128");
        assertMessage(s, "Probe trial", "0 to 127");
        s.probeTrialProperty().set("3");
        s.probeStepProperty().set("99");
        p = s.parse(FLIP_FLOP, DEFAULTS);
        assertEquals(3, p.probeTrial());
        assertEquals(99, p.probeStep());
    }

    @Test
    void adamUsesItsOwnIterationLimit() {
        SearchSettings s = new SearchSettings();
        s.methodProperty().set(FixedPointOptions.Method.ADAM);
        FixedPointOptions o = s.parse(FLIP_FLOP, DEFAULTS).options();
        assertEquals(FixedPointOptions.Method.ADAM, o.method());
        assertEquals(FixedPointOptions.Method.ADAM.defaultMaxIterations(), o.maxIterations());
    }

    private static void assertMessage(SearchSettings s, String... parts) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.parse(FLIP_FLOP, DEFAULTS));
        for (String part : parts) {
            assertTrue(e.getMessage().contains(part), e.getMessage() + " should mention " + part);
        }
    }

    @Test
    void lstmPointsAreProjectedByTheirHiddenPartWithRowsMatchingTheResult() {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.cell=lstm", "model.hidden_size=8")));
        HiddenStates states = Probe.states(e.network(), Probe.batch(e, 16));
        PcaResult pca = Pca.compute(states, PcaOptions.of(3));
        FixedPointResult r = FixedPointFinder.find(e.network(),
                FixedPointOptions.DEFAULTS.withInitialStates(64).withSlowQ(1e-2), states);
        assertTrue(r.count() > 0);
        assertEquals(16, r.stateSize(), "[h; c]");
        int fixed = r.fixedPointCount();
        String summary = FixedPointsViewModel.summary(r, 7);
        assertTrue(summary.startsWith(fixed + " fixed point" + (fixed == 1 ? "" : "s") + ": "
                + r.stableFixedPointCount() + " stable, " + (fixed - r.stableFixedPointCount()) + " unstable"), summary);
        assertTrue(summary.endsWith(", step 7"), summary);

        FixedPointOverlay overlay = FixedPointOverlay.of(7, r, pca, pca.project(states));
        assertEquals(7, overlay.step());
        for (int i = 0; i < r.count(); i++) {
            double[] h = new double[8];
            for (int j = 0; j < 8; j++) {
                h[j] = r.points()[i][j];
            }
            double[] p = pca.project(h);
            for (int c = 0; c < 3; c++) {
                assertEquals(p[c], overlay.projected()[i][c], PROJECTION_TOLERANCE);
            }
        }
        double longest = FixedPointOverlay.MODE_SCALE * FixedPointOverlay.extent(pca.project(states), 3);
        for (float[][] segment : overlay.segments()) {
            double d = 0;
            for (int c = 0; c < 3; c++) {
                d += Math.pow(segment[1][c] - segment[0][c], 2);
            }
            assertTrue(Math.sqrt(d) <= longest * (1 + 1e-5), "a unit mode projects to at most the scaled length");
        }
        List<PointRow> rows = PointRow.of(r);
        assertEquals(r.count(), rows.size());
        for (PointRow row : rows) {
            assertEquals(r.unstableDimension(row.index()), row.unstableDimension());
            assertTrue(Double.isNaN(row.slowestTimeConstantMs()), "no time constants for the LSTM");
        }
    }

    @Test
    void theSegmentScaleIsTheLargestRangeOfAnyProjectedCoordinate() {
        // extent of the projections: 10 along the first coordinate
        float[] projections = {0, 0, 0, 10, 1, 1};
        assertEquals(10, FixedPointOverlay.extent(projections, 3), 0);
        assertEquals(1, FixedPointOverlay.extent(new float[0], 3), 0, "no projections: unit scale");
    }
}
