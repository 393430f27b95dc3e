package org.attractorlab.core.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SearchScheduleTest {
    private static final int RUNNING_FINAL = -1;

    @Test
    void refreshEveryNSearchesAtTheFirstStepAndAtEachNewMultiple() {
        SearchSchedule s = new SearchSchedule();
        assertFalse(s.started());
        assertTrue(s.take(3, 50, false, false, RUNNING_FINAL), "the first step seen");
        assertTrue(s.started());
        assertFalse(s.take(10, 50, false, false, RUNNING_FINAL));
        assertFalse(s.take(49, 50, false, false, RUNNING_FINAL));
        assertTrue(s.take(52, 50, false, false, RUNNING_FINAL), "first step past 50");
        assertFalse(s.take(60, 50, false, false, RUNNING_FINAL));
        assertTrue(s.take(130, 50, false, false, RUNNING_FINAL), "a skipped multiple still counts once");
        assertFalse(s.take(140, 50, false, false, RUNNING_FINAL));
        assertFalse(s.take(120, 50, false, false, RUNNING_FINAL), "never backwards");
    }

    @Test
    void onDemandOnlyWithoutAtEndNeverSearches() {
        SearchSchedule s = new SearchSchedule();
        assertFalse(s.take(0, 0, false, false, RUNNING_FINAL));
        assertFalse(s.take(500, 0, false, true, 500));
        assertFalse(s.started());
    }

    @Test
    void atEndSearchesOnceOnTheLastStepOfAFinishedRun() {
        SearchSchedule s = new SearchSchedule();
        assertFalse(s.take(100, 0, true, false, RUNNING_FINAL), "still running");
        assertFalse(s.take(400, 0, true, true, 500), "finished, but not the last step");
        assertTrue(s.take(500, 0, true, true, 500));
        assertFalse(s.take(500, 0, true, true, 500), "only once");
        s.reset();
        assertFalse(s.started());
        assertTrue(s.take(500, 0, true, true, 500), "again after a reset");
    }

    @Test
    void aFinishedRunSearchesItsNewLastStepWithinTheSameMultiple() {
        SearchSchedule s = new SearchSchedule();
        assertTrue(s.take(400, 100, false, false, RUNNING_FINAL));
        assertFalse(s.take(450, 100, false, false, RUNNING_FINAL));
        assertTrue(s.take(460, 100, false, true, 460), "the run finished at 460: its points are searched");
        assertFalse(s.take(460, 100, true, true, 460), "and only once");
    }

    @Test
    void dueDoesNotRememberTheStep() {
        SearchSchedule s = new SearchSchedule();
        assertTrue(s.due(0, 10, false, false, RUNNING_FINAL));
        assertTrue(s.due(0, 10, false, false, RUNNING_FINAL));
        s.searched(0);
        assertFalse(s.due(5, 10, false, false, RUNNING_FINAL));
        assertThrows(StudyException.class, () -> s.due(5, -1, false, false, RUNNING_FINAL));
    }
}
