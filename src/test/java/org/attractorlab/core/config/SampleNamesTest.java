package org.attractorlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sample's name is accepted wherever the CLI asks for a config file; an existing file always wins. */
class SampleNamesTest {

    private final ConfigLoader loader = ConfigLoader.standard();

    @TempDir
    Path dir;

    @Test
    void aSampleIsNamedByItsNameItsFileNameOrTheSourceTreesRelativePath() {
        assertEquals(Optional.of("flipflop-3bit"), Samples.named("flipflop-3bit"));
        assertEquals(Optional.of("sine-wave"), Samples.named("sine-wave.json"));
        assertEquals(Optional.of("nback-9task"), Samples.named("samples/nback-9task.json"));
        assertEquals(Optional.of("nback-9task"), Samples.named("./samples/nback-9task.json"));
    }

    @Test
    void otherPathsAndUnknownNamesNameNoSample() {
        assertEquals(Optional.empty(), Samples.named("flipflop"));
        assertEquals(Optional.empty(), Samples.named("/opt/samples/flipflop-3bit.json"));
        assertEquals(Optional.empty(), Samples.named("configs/flipflop-3bit.json"));
        assertEquals(Optional.empty(), Samples.named("samples/flipflop-3bit"));
        assertEquals(Optional.empty(), Samples.named("a/samples/flipflop-3bit.json"));
        assertEquals(Optional.empty(), Samples.named("flip\0flop"));
    }

    @Test
    void aMissingFileThatNamesASampleLoadsTheBundledSampleWithTheOverrides() {
        ExperimentConfig c = loader.loadFileOrSample(Path.of("flipflop-3bit"), List.of("training.steps=50"));
        ExperimentConfig expected = loader.parse(Samples.json("flipflop-3bit"), List.of("training.steps=50"));
        assertEquals(expected, c);
        assertEquals(50, c.training().steps());
    }

    @Test
    void anExistingFileWinsOverTheSampleOfTheSameName() throws IOException {
        Path file = dir.resolve("flipflop-3bit.json");
        Files.writeString(file, "{\"task\": {\"name\": \"flipflop\", \"bits\": 2}, \"seed\": 7}");
        ExperimentConfig c = loader.loadFileOrSample(file, List.of());
        assertEquals(7, c.seed());
        assertEquals(loader.load(file), c);
    }

    @Test
    void aMissingFileThatNamesNoSampleSaysSoAndListsTheSamples() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.loadFileOrSample(Path.of("flipflop-4bit"), List.of()));
        assertTrue(e.getMessage().contains("'flipflop-4bit' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains("not a sample name"), e.getMessage());
        assertTrue(e.getMessage().contains("flipflop-3bit"), e.getMessage());
    }

    @Test
    void aBadOverrideOfASampleNamesTheSample() {
        ConfigException e = assertThrows(ConfigException.class,
                () -> loader.loadFileOrSample(Path.of("flipflop-3bit"), List.of("training.steps=-1")));
        assertTrue(e.getMessage().contains("training.steps"), e.getMessage());
    }
}
