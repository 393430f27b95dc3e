package org.attractorlab.app.panes.decoding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import javafx.beans.property.SimpleObjectProperty;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.fx.FrameDrain;
import org.attractorlab.app.selection.SelectionModel;
import org.attractorlab.app.session.AnalysisFrame;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.CrossTemporalResult;
import org.attractorlab.core.analysis.decode.DecoderType;
import org.attractorlab.core.analysis.decode.Decoding;
import org.attractorlab.core.analysis.decode.DecodingOptions;
import org.attractorlab.core.analysis.decode.OodQuadrant;
import org.attractorlab.core.analysis.decode.OodQuadrantOptions;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.study.DecodingStudy.Decoder;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.task.ConditionTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DecodingViewModelTest {
    private static final double EXACT = 0.0;
    private final SimpleObjectProperty<AnalysisFrame> frames = new SimpleObjectProperty<>();
    private final SelectionModel selection = new SelectionModel();
    private final FrameDrain drain = new FrameDrain();
    private DecodingViewModel vm;

    /** An untrained network's frame for a bundled sample: hidden states of the 128-trial probe batch. */
    static AnalysisFrame frame(String sample) {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json(sample),
                List.of("model.hidden_size=16")));
        return new AnalysisFrame(0, true, Probe.states(e.network(), Probe.batch(e, 128)), null, null, 0);
    }

    /** A frame of random states (trials x 6 steps x 4 units) with one condition column g. */
    static AnalysisFrame external(double... g) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] states = new float[g.length * 6 * 4];
        for (int i = 0; i < states.length; i++) {
            states[i] = (float) rng.nextGaussian();
        }
        ConditionTable table = new ConditionTable(List.of("g"), new double[][]{g});
        return new AnalysisFrame(3, true, HiddenStates.external(g.length, 6, 4, states, table), null, null, 0);
    }

    /**
     * Delivers the job's result: the job ran on the calling thread when it was submitted, so one drain hands it to
     * the view model; then {@code done} must hold.
     */
    void drained(String what, BooleanSupplier done) {
        drain.drainNow();
        assertTrue(done.getAsBoolean(), () -> what + " after one drain; message: " + vm.messageProperty().get());
    }

    void drainedMatrix(DecoderType type) {
        drained(type.key() + " matrix", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().options().type() == type);
    }

    @AfterEach
    void dispose() {
        if (vm != null) {
            vm.dispose();
        }
    }

    @Test
    void theOodChartCategoryWritesTheQuadrantWithMinusSigns() {
        assertEquals("x1 \u2212+", DecodingViewModel.category("x1", "(-,+)"));
    }

    @Test
    void theOodAxisStartsAtZeroOrAtTheLowestQuarterAboveMinusOne() {
        assertEquals(0, ood(0.4, 0.9).axisLowerBound(), EXACT);
        assertEquals(-0.5, ood(-0.3, 0.9).axisLowerBound(), EXACT);
        assertEquals(-1, ood(-7, 0.9).axisLowerBound(), EXACT);
    }

    private static DecodingViewModel.OodShown ood(double ood, double in) {
        OodQuadrantResult r = new OodQuadrantResult(List.of("x0"), new double[]{0, 1}, new int[]{4, 4},
                new double[]{ood, 0.5}, (ood + 0.5) / 2, new double[]{in}, new double[]{in, in}, in);
        return new DecodingViewModel.OodShown(null, r, List.of("(+)", "(-)"), "");
    }

    @Test
    void aFlipFlopFrameDecodesBit0WithLogisticRegressionAndTheMatrixEqualsDecodingCrossTemporal() {
        AnalysisFrame f = frame("flipflop-3bit");
        frames.set(f);
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        assertEquals(List.of("bit0", "bit1", "bit2", "pulses", "state"), new ArrayList<>(vm.targets()),
                "the decode targets first, then the other columns");
        assertEquals("bit0", vm.targetProperty().get());
        assertEquals(Decoder.AUTO, vm.decoderProperty().get());
        assertEquals(4, vm.strideProperty().get(), "100 steps: every 4th, 25 steps");
        assertEquals(5, vm.foldsProperty().get());
        DecodingViewModel.Shown s = vm.shownProperty().get();
        assertEquals(DecodingOptions.of("bit0", DecoderType.LOGISTIC).withStepStride(4), s.options());
        CrossTemporalResult expected = Decoding.crossTemporal(f.states(), s.options());
        assertArrayEquals(expected.steps(), s.result().steps());
        assertEquals(25, s.result().size());
        double[][] m = expected.matrix();
        for (int i = 0; i < m.length; i++) {
            assertArrayEquals(m[i], s.heatmap().values()[i], EXACT, "row " + i);
        }
        assertEquals(0.5, s.chance(), EXACT, "two classes, -1 and +1");
        assertEquals(0.5, s.heatmap().scale().getLowerBound(), EXACT);
        assertEquals(1.0, s.heatmap().scale().getUpperBound(), EXACT);
        assertEquals("bit0: logistic accuracy", s.title());
        assertEquals("accuracy (chance 0.50)", s.heatmap().valueTitle());
        assertEquals("train step", s.heatmap().rowTitle());
        assertEquals("test step", s.heatmap().columnTitle());
        assertEquals("8", s.heatmap().columnLabels().get(2));
        assertTrue(vm.summaryProperty().get().startsWith(String.format(Locale.ROOT,
                "Within-step accuracy: %.2f at step 0", expected.score(0, 0))), vm.summaryProperty().get());
        assertEquals("", vm.messageProperty().get());
        assertFalse(vm.oodAvailableProperty().get(), "no quadrants in the flip-flop");
    }

    @Test
    void changingTheDecoderStrideOrFoldsRecomputesTheMatrix() {
        AnalysisFrame f = frame("flipflop-3bit");
        frames.set(f);
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        vm.decoderProperty().set(Decoder.SVM);
        drainedMatrix(DecoderType.SVM);
        DecodingViewModel.Shown s = vm.shownProperty().get();
        assertArrayEquals(Decoding.crossTemporal(f.states(), s.options()).scores(), s.result().scores(), EXACT);
        assertEquals("bit0: svm accuracy", s.title());

        vm.strideProperty().set(10);
        vm.foldsProperty().set(3);
        drained("stride 10, 3 folds", () -> vm.shownProperty().get().options().stepStride() == 10
                && vm.shownProperty().get().options().folds() == 3);
        s = vm.shownProperty().get();
        assertArrayEquals(new int[]{0, 10, 20, 30, 40, 50, 60, 70, 80, 90}, s.result().steps());
        assertArrayEquals(Decoding.crossTemporal(f.states(), DecodingOptions.of("bit0", DecoderType.SVM)
                .withStepStride(10).withFolds(3)).scores(), s.result().scores(), EXACT);
    }

    @Test
    void aContinuousTargetIsDecodedByRidgeWithR2FromZeroToOne() {
        AnalysisFrame f = frame("evidence-multitask");
        frames.set(f);
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        assertEquals("quadrant", vm.targetProperty().get());
        assertEquals(0.25, vm.shownProperty().get().chance(), EXACT, "four quadrants");
        vm.targetProperty().set("x0");
        drainedMatrix(DecoderType.RIDGE);
        DecodingViewModel.Shown s = vm.shownProperty().get();
        assertEquals("r2", s.result().metric());
        assertEquals("x0: ridge r\u00b2", s.title());
        assertEquals(0, s.heatmap().scale().getLowerBound(), EXACT);
        assertEquals(1, s.heatmap().scale().getUpperBound(), EXACT);
        assertArrayEquals(Decoding.crossTemporal(f.states(), DecodingOptions.of("x0", DecoderType.RIDGE))
                .scores(), s.result().scores(), EXACT, "22 steps: stride 1");
    }

    @Test
    void aClassifierOnAContinuousTargetIsRefusedWithAMessage() {
        frames.set(frame("evidence-multitask"));
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        vm.targetProperty().set("x1");
        vm.decoderProperty().set(Decoder.LOGISTIC);
        drained("a message", () -> !vm.messageProperty().get().isEmpty());
        assertEquals("'x1' is continuous (128 distinct values): logistic needs class labels. Use ridge (or auto).",
                vm.messageProperty().get());
        assertNull(vm.shownProperty().get(), "no stale matrix");
        assertEquals("", vm.summaryProperty().get());
    }

    @Test
    void tooFewTrialsOfAClassIsReportedAsAMessage() {
        frames.set(external(0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2));
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drained("a message", () -> vm.messageProperty().get().startsWith("too few"));
        assertEquals("too few trials of a class for 5-fold decoding: g = 2 has 1 trial of 11; every class needs at least 2. Choose "
                + "another target, or ridge.", vm.messageProperty().get());
        vm.decoderProperty().set(Decoder.RIDGE);
        drainedMatrix(DecoderType.RIDGE);
        assertEquals("", vm.messageProperty().get(), "ridge decodes the same column");
    }

    @Test
    void aConstantTargetIsReportedAsAMessage() {
        frames.set(external(1, 1, 1, 1, 1, 1, 1, 1));
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drained("a message", () -> vm.messageProperty().get().startsWith("'g'"));
        assertEquals("'g' is 1 in all 8 trials: a constant target cannot be decoded. Choose another target.",
                vm.messageProperty().get());
    }

    @Test
    void selectingACellSetsTheTimeStepToItsTestStepWhoseColumnIsOutlined() {
        frames.set(frame("flipflop-3bit"));
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        assertEquals(-1, vm.highlightedColumnProperty().get());
        vm.select(new Heatmap.Cell(2, 7));
        assertEquals(28, selection.timeStepProperty().get(), "column 7 is step 7 x 4");
        assertEquals(7, vm.highlightedColumnProperty().get());
        selection.timeStepProperty().set(41);
        assertEquals(10, vm.highlightedColumnProperty().get(), "step 41 is nearest decoded step 40");
        selection.timeStepProperty().set(-1);
        assertEquals(-1, vm.highlightedColumnProperty().get());
        selection.timeStepProperty().set(30);
        vm.strideProperty().set(10);
        drained("stride 10", () -> vm.shownProperty().get().options().stepStride() == 10);
        assertEquals(3, vm.highlightedColumnProperty().get(), "the outline follows a new stride");
    }

    @Test
    void theOodQuadrantTestOfTheEvidenceTaskEqualsOodQuadrantCompute() {
        AnalysisFrame f = frame("evidence-multitask");
        frames.set(f);
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        assertTrue(vm.oodAvailableProperty().get());
        drained("the OOD test", () -> vm.oodShownProperty().get() != null);
        OodQuadrantResult expected = OodQuadrant.compute(f.states(), OodQuadrantOptions.DEFAULTS);
        OodQuadrantResult r = vm.oodShownProperty().get().result();
        assertArrayEquals(expected.oodR2(), r.oodR2(), EXACT);
        assertArrayEquals(expected.inDistributionByQuadrant(), r.inDistributionByQuadrant(), EXACT);
        assertEquals(List.of("(+,+)", "(-,+)", "(+,-)", "(-,-)"), vm.oodShownProperty().get().quadrantLabels());
        assertEquals(String.format(Locale.ROOT, "OOD r\u00b2 %.2f vs in-distribution %.2f (last step)",
                expected.meanOod(), expected.meanInDistribution()), vm.oodTextProperty().get());
        var ds = vm.oodDataset();
        assertEquals(List.of(DecodingViewModel.OOD_SERIES, DecodingViewModel.IN_SERIES), ds.getRowKeys());
        assertEquals(8, ds.getColumnCount(), "4 quadrants x 2 latents");
        assertEquals(expected.ood(1, 0), ds.getValue(DecodingViewModel.OOD_SERIES, "x0 \u2212+").doubleValue(), EXACT);
        assertEquals(expected.inDistribution(3, 1), ds.getValue(DecodingViewModel.IN_SERIES, "x1 \u2212\u2212")
                .doubleValue(), EXACT);

        AnalysisFrame flip = frame("flipflop-3bit");
        frames.set(flip);
        assertFalse(vm.oodAvailableProperty().get());
        drained("the flip-flop matrix", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().frame() == flip);
        assertNull(vm.oodShownProperty().get());
        assertEquals(0, ds.getColumnCount(), "no stale OOD bars");
    }

    @Test
    void aNewTaskResetsTheSettingsToItsDefaults() {
        frames.set(frame("evidence-multitask"));
        vm = new DecodingViewModel(frames, selection, drain, Runnable::run);
        drainedMatrix(DecoderType.LOGISTIC);
        vm.targetProperty().set("x0");
        vm.decoderProperty().set(Decoder.RIDGE);
        vm.foldsProperty().set(3);
        AnalysisFrame flip = frame("flipflop-3bit");
        frames.set(flip);
        drained("flip-flop matrix", () -> vm.shownProperty().get() != null
                && vm.shownProperty().get().frame() == flip);
        assertEquals("bit0", vm.targetProperty().get());
        assertEquals(Decoder.AUTO, vm.decoderProperty().get());
        assertEquals(4, vm.strideProperty().get());
        assertEquals(5, vm.foldsProperty().get());
        assertEquals(100, vm.stepsProperty().get());
    }
}
