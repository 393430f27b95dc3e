package org.attractorlab.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedFilesTest {
    @TempDir
    Path dir;

    @Test
    void readsAFileWithinItsLimit() throws IOException {
        Path f = Files.write(dir.resolve("a.json"), new byte[]{1, 2, 3});
        assertArrayEquals(new byte[]{1, 2, 3}, BoundedFiles.read(f, 3, "a config file"));
    }

    @Test
    void refusesAFileOverItsLimitNamingFileAndLimit() throws IOException {
        Path f = Files.write(dir.resolve("big.json"), new byte[5000]);
        var e = assertThrows(BoundedFiles.LimitException.class, () -> BoundedFiles.read(f, 2048, "a config file"));
        assertEquals(f + " is 4.9 KiB; a config file is at most 2.0 KiB", e.getMessage());
    }

    @Test
    void refusesDevicesDirectoriesAndPipesBeforeReading() throws Exception {
        assertThrows(BoundedFiles.LimitException.class, () -> BoundedFiles.read(dir, 100, "a config file"));
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero), "no /dev/zero on this system");
        var e = assertThrows(BoundedFiles.LimitException.class, () -> BoundedFiles.read(zero, 100, "a config file"));
        assertTrue(e.getMessage().startsWith("/dev/zero is not a regular file"), e.getMessage());
        Path fifo = dir.resolve("fifo");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assumeTrue(p.waitFor() == 0, "mkfifo failed");
        assertThrows(BoundedFiles.LimitException.class, () -> BoundedFiles.read(fifo, 100, "a config file"));
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        assertThrows(NoSuchFileException.class, () -> BoundedFiles.read(dir.resolve("none"), 100, "a config file"));
    }

    @Test
    void aConfigFromADeviceIsRefusedWithAMessage() {
        assumeTrue(Files.exists(Path.of("/dev/zero")), "no /dev/zero on this system");
        ConfigException e = assertThrows(ConfigException.class,
                () -> ConfigLoader.standard().load(Path.of("/dev/zero")));
        assertTrue(e.getMessage().contains("is not a regular file"), e.getMessage());
    }

    @Test
    void aHugeValueIsQuotedByAShortPrefixAndItsLength() throws IOException {
        StringBuilder list = new StringBuilder("[");
        for (int i = 0; i < 200_000; i++) {
            list.append(i == 0 ? "" : ", ").append("0.1");
        }
        list.append(']');
        Path f = Files.writeString(dir.resolve("c.json"), "{\"task\": {\"name\": \"perceptual-decision\", "
                + "\"coherences\": " + list + "}}");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.standard().load(f, List.of()));
        assertTrue(e.getMessage().length() < 400, "message of " + e.getMessage().length() + " characters");
        assertTrue(e.getMessage().contains("task.coherences"), e.getMessage());
        assertTrue(e.getMessage().contains("characters)"), e.getMessage());
    }

    @Test
    void messagesCutLongValues() {
        assertEquals("short", Messages.value("short"));
        String v = Messages.value("x".repeat(1000));
        assertEquals("x".repeat(80) + "... (1000 characters)", v);
    }
}
