package org.attractorlab.app.fx;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StartupTraceTest {
    @Test
    void withoutThePropertyMarksAreNotKeptAndNothingIsReported() {
        // the tests run without -Dattractorlab.startupTrace: the window's marks must cost nothing and print nothing
        assertFalse(Boolean.getBoolean(StartupTrace.PROPERTY));
        assertFalse(StartupTrace.on());
        StartupTrace.mark("main entered");
        assertTrue(StartupTrace.report().isEmpty(), () -> String.join("\n", StartupTrace.report()));
    }
}
