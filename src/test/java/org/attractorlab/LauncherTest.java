package org.attractorlab;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {
    @TempDir
    Path dir;

    @Test
    void appTakesAtMostOneRunDirectoryThatMustExist() {
        assertNull(Launcher.appUsageProblem(new String[] {"app"}));
        assertNull(Launcher.appUsageProblem(new String[] {"app", dir.toString()}));
        String missing = Launcher.appUsageProblem(new String[] {"app", dir.resolve("nope").toString()});
        assertTrue(missing != null && missing.contains("nope") && missing.contains("not a directory"), missing);
        String usage = Launcher.appUsageProblem(new String[] {"app", "a", "b"});
        assertTrue(usage != null && usage.startsWith("usage: attractor-lab app [RUN_DIR | SWEEP_DIR]"), usage);
        assertTrue(Launcher.appUsageProblem(new String[] {"app", "--help"}).startsWith("usage"));
    }
}
