package org.attractorlab.core.study;

/** Checks of a window of time steps [from, to). */
final class Windows {
    private Windows() {
    }

    static void check(String field, int from, int to, int steps) {
        if (from < 0 || to > steps || from >= to) {
            throw StudyException.notAllowed(field, from + ":" + to, "use FROM:TO with 0 <= FROM < TO <= " + steps);
        }
    }
}
