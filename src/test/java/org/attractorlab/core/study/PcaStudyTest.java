package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.pca.Pca;
import org.attractorlab.core.analysis.pca.PcaOptions;
import org.attractorlab.core.analysis.pca.PcaResult;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.Samples;
import org.junit.jupiter.api.Test;

class PcaStudyTest {
    private static HiddenStates states(int units) {
        Experiment e = Experiment.create(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=" + units)));
        return Probe.states(e, 16);
    }

    @Test
    void fitIsTheBasisRunProjectsOn() {
        HiddenStates h = states(8);
        PcaStudy.Settings s = PcaStudy.defaultsFor(h).withComponents(3);
        PcaResult fit = PcaStudy.fit(h, s);
        PcaStudy.Result run = PcaStudy.run(h, s);
        PcaResult direct = Pca.compute(h, PcaOptions.of(3));
        assertEquals(3, fit.k());
        assertArrayEquals(direct.components(), fit.components(), 0);
        assertArrayEquals(direct.mean(), fit.mean(), 0);
        assertArrayEquals(run.pca().components(), fit.components(), 0);
        assertArrayEquals(fit.project(h), run.projections(), 0);
    }

    @Test
    void fitCutsTheComponentsToTheUnitsAndRefusesNone() {
        HiddenStates h = states(2);
        assertEquals(2, PcaStudy.fit(h, PcaStudy.defaultsFor(h).withComponents(3)).k());
        StudyException e = assertThrows(StudyException.class,
                () -> PcaStudy.fit(h, PcaStudy.defaultsFor(h).withComponents(0)));
        assertEquals("pca.components = '0' is not allowed: use at least 1 component", e.getMessage());
    }
}
