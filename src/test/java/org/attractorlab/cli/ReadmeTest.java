package org.attractorlab.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.attractorlab.core.config.ConfigKey;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.task.TaskRegistry;
import org.junit.jupiter.api.Test;

/** The README documents what the program really offers. */
class ReadmeTest {
    private static String readme() throws IOException {
        return Files.readString(Path.of("README.md"));
    }

    @Test
    void everyConfigKeyOfEveryTaskIsDocumentedWithItsDefault() throws IOException {
        String readme = readme();
        for (TaskRegistry.Entry<?> task : TaskRegistry.all()) {
            for (ConfigKey k : ConfigLoader.standard().keys(task.name())) {
                if (k.key().equals("task.name")) {
                    assertTrue(readme.contains("# task " + task.name() + ":"), task.name());
                    continue;
                }
                String line = k.key() + " = " + k.defaultValue();
                assertTrue(readme.contains(line), () -> "README lacks '" + line + "' (task " + task.name()
                        + "); paste the output of ./attractor-lab config --keys");
            }
        }
    }

    @Test
    void theCiScriptRunsTheReadmeTestCommandVerbatim() throws IOException {
        String ci = Files.readString(Path.of(".ci", "run")).strip();
        String last = ci.substring(ci.lastIndexOf('\n') + 1).strip();
        assertTrue(readme().contains(last), "README must contain the CI test command: " + last);
    }
}
