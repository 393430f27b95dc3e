package org.attractorlab.app.fx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeldExecutorTest {

    @Test
    void holdsTasksUntilOpenedThenRunsThemInOrderAndLaterOnesAtOnce() {
        List<String> ran = new ArrayList<>();
        List<Runnable> delegated = new ArrayList<>();
        HeldExecutor held = new HeldExecutor(delegated::add);
        held.execute(() -> ran.add("a"));
        held.execute(() -> ran.add("b"));
        assertTrue(held.holding());
        assertEquals(0, delegated.size(), "nothing reaches the delegate while held");

        held.open();
        assertFalse(held.holding());
        assertEquals(2, delegated.size());
        delegated.forEach(Runnable::run);
        assertEquals(List.of("a", "b"), ran, "the held tasks, in the order they came");

        held.execute(() -> ran.add("c"));
        assertEquals(3, delegated.size(), "after open a task goes to the delegate at once");
        delegated.get(2).run();
        assertEquals(List.of("a", "b", "c"), ran);

        held.open(); // opening twice hands nothing over again
        assertEquals(3, delegated.size());
    }
}
