package org.attractorlab.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.attractorlab.core.config.TestTasks.FlipFlopOptions;
import org.attractorlab.core.config.TestTasks.SineWaveOptions;
import org.attractorlab.core.model.Activation;
import org.attractorlab.core.model.CellType;
import org.attractorlab.core.model.ModelOptions;
import org.attractorlab.core.train.OptimizerType;
import org.attractorlab.core.train.TrainingOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader(TestTasks.RESOLVER);

    @TempDir
    Path dir;

    private String error(String json, String... overrides) {
        return assertThrows(ConfigException.class, () -> loader.parse(json, List.of(overrides))).getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "expected \"" + part + "\" in: " + message);
        }
    }

    // --------------------------------------------------------------------------------------------- defaults

    @Test
    void emptyObjectGivesTheDefaultsOfTheFirstTask() {
        ExperimentConfig c = loader.parse("{}");
        assertEquals(new ExperimentConfig("flipflop", FlipFlopOptions.DEFAULTS, ModelOptions.DEFAULTS,
                TrainingOptions.DEFAULTS, ExperimentConfig.DEFAULT_SEED), c);
        assertEquals(loader.defaults(), c);
    }

    @Test
    void missingKeysTakeTheirDefaults() {
        ExperimentConfig c = loader.parse("{\"task\": {\"bits\": 5}, \"model\": {\"cell\": \"gru\"}, "
                + "\"training\": {\"learning_rate\": 0.01}}");
        assertEquals(new FlipFlopOptions(5, 100, 0.05), c.taskOptions());
        assertEquals(CellType.GRU, c.model().cell());
        assertEquals(ModelOptions.DEFAULTS.hiddenSize(), c.model().hiddenSize());
        assertEquals(0.01, c.training().learningRate());
        assertEquals(TrainingOptions.DEFAULTS.batchSize(), c.training().batchSize());
        assertEquals(1, c.seed());
    }

    @Test
    void taskNameSelectsThatTasksDefaults() {
        ExperimentConfig c = loader.parse("{\"task\": {\"name\": \"sine-wave\", \"max_frequency\": 0.2}}");
        assertEquals("sine-wave", c.taskName());
        assertEquals(new SineWaveOptions(200, 0.01, 0.2, List.of(0.0, 0.5)), c.taskOptions());
    }

    // ------------------------------------------------------------------------------------------- round trip

    @Test
    void toJsonThenLoadGivesAnEqualConfig() throws IOException {
        ExperimentConfig c = new ExperimentConfig("sine-wave", new SineWaveOptions(50, 0.02, 0.3, List.of(1.5)),
                new ModelOptions(CellType.VANILLA, 32, Activation.RECTIFIED_TANH, 1.0, 0.05, 0.01,
                        org.attractorlab.core.model.Initialization.ORTHOGONAL, 1.5, true, 0.75, 0.5, false, 0,
                        true),
                new TrainingOptions(16, 300, 1e-8, OptimizerType.SGD, 0.5, 0.8, 0.99, 1e-6,
                        org.attractorlab.core.train.LossChoice.CROSS_ENTROPY, 1e-5, 2e-5, 3e-5, 0.0,
                        org.attractorlab.core.train.LearningRateSchedule.COSINE, 0.25, 7, 1e-3, 20, 0.0, 0, 5, 2),
                -42);
        String json = ConfigLoader.toJson(c);
        assertEquals(c, loader.parse(json));
        Path file = dir.resolve("config.json");
        Files.writeString(file, json);
        assertEquals(c, loader.load(file));
        assertEquals(json, ConfigLoader.toJson(loader.load(file)));
    }

    record NoisyOptions(double cutoff, float gain, long ticks) {
    }

    @Test
    void nonFiniteAndFloatValuesRoundTrip() {
        ConfigLoader noisy = new ConfigLoader(TaskOptionsResolver.of(java.util.Map.of("noisy",
                new NoisyOptions(Double.NaN, 0.1f, 1L << 40))));
        ExperimentConfig c = noisy.defaults();
        String json = ConfigLoader.toJson(c);
        assertContains(json, "\"cutoff\": \"NaN\"", "\"gain\": 0.1,", "\"ticks\": 1099511627776");
        assertEquals(c, noisy.parse(json));
        ExperimentConfig set = noisy.fromOverrides(List.of("task.cutoff=-inf", "task.gain=2.5"));
        assertEquals(new NoisyOptions(Double.NEGATIVE_INFINITY, 2.5f, 1L << 40), set.taskOptions());
        assertEquals(set, noisy.parse(ConfigLoader.toJson(set)));
        assertContains(assertThrows(ConfigException.class, () -> noisy.parse("{\"task\": {\"gain\": 1e300}}"))
                .getMessage(), "task.gain = 1.0E300 is not allowed: expected a number within the 32-bit float range");
    }

    @Test
    void jsonUsesSnakeCaseKeysLowerCaseEnumsAndTaskNameFirst() {
        String json = ConfigLoader.toJson(loader.defaults().withModel(new ModelOptions(CellType.GRU, 64,
                Activation.RECTIFIED_TANH, 0.2, 0, 0, org.attractorlab.core.model.Initialization.NORMAL, 1, false,
                0.8, 1, true, 0, false)));
        assertTrue(json.startsWith("{\n  \"task\": {\n    \"name\": \"flipflop\",\n    \"bits\": 3,\n"), json);
        assertContains(json, "\"cell\": \"gru\"", "\"hidden_size\": 64", "\"activation\": \"rectified_tanh\"",
                "\"optimizer\": \"adam\"", "\"learning_rate\": 0.001", "\"lr_decay_steps\": 1000",
                "\"flip_probability\": 0.05", "\"l1_weight\": 0.0", "\n  \"seed\": 1\n}\n");
        assertFalse(json.contains("\r"));
        assertFalse(json.contains(" : "));
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Test
    void unknownKeyNamesItsFullPathAndTheAllowedKeys() {
        String m = error("{\"model\": {\"hiden_size\": 3}}");
        assertContains(m, "unknown field 'model.hiden_size'", "did you mean 'hidden_size'",
                "model allows: cell, hidden_size, activation, alpha");
    }

    @Test
    void unknownTopLevelAndTaskKeysAreRefused() {
        assertContains(error("{\"sed\": 3}"), "unknown field 'sed'", "the top level allows: task, model, training, seed");
        assertContains(error("{\"task\": {\"bitz\": 3}}"), "unknown field 'task.bitz'",
                "task 'flipflop' allows: name, bits, steps, flip_probability");
    }

    @Test
    void badEnumValueNamesFieldValueAndAllowedValues() {
        assertContains(error("{\"model\": {\"cell\": \"grux\"}}"),
                "model.cell = \"grux\" is not allowed: expected one of vanilla, leaky, gru, lstm");
        assertContains(error("{\"training\": {\"optimizer\": 3}}"),
                "training.optimizer = 3 is not allowed: expected one of adam, sgd");
    }

    @Test
    void anIntegerKeyGivenANumberTooLargeForADoubleIsRefusedNamingTheKey() {
        // 1e400 and 1e1000000000 parse as an infinite double, which has no exact integer value
        assertContains(error("{\"seed\": 1e1000000000}"), "seed = ", "is not allowed: expected an integer");
        assertContains(error("{\"training\": {\"steps\": -1e400}}"), "training.steps = ", "is not allowed");
    }

    @Test
    void wrongTypesNameFieldAndValue() {
        assertContains(error("{\"model\": {\"hidden_size\": \"big\"}}"),
                "model.hidden_size = \"big\" is not allowed: expected an integer");
        assertContains(error("{\"model\": {\"hidden_size\": 2.5}}"), "model.hidden_size = 2.5 is not allowed");
        assertContains(error("{\"model\": {\"hidden_size\": 1e10}}"), "model.hidden_size = 1.0E10 is not allowed");
        assertContains(error("{\"model\": {\"dale\": 1}}"), "model.dale = 1 is not allowed: expected true or false");
        assertContains(error("{\"model\": {\"alpha\": \"0.1\"}}"), "model.alpha = \"0.1\" is not allowed: expected a number");
        assertContains(error("{\"model\": {\"alpha\": null}}"), "model.alpha = null is not allowed");
        assertContains(error("{\"model\": 3}"), "model = 3 is not allowed: expected an object with keys cell, hidden_size");
        assertContains(error("{\"task\": \"flipflop\"}"), "task = \"flipflop\" is not allowed: expected an object");
        assertContains(error("{\"seed\": \"x\"}"), "seed = \"x\" is not allowed: expected an integer");
        assertContains(error("{\"task\": {\"name\": \"sine-wave\", \"phases\": \"x\"}}"), "task.phases = \"x\" is not allowed: expected a value of type list of number");
    }

    @Test
    void integralFloatingValuesAreAcceptedForIntegers() {
        assertEquals(64, loader.parse("{\"model\": {\"hidden_size\": 64.0}}").model().hiddenSize());
    }

    @Test
    void recordValidationMessagesPassThrough() {
        assertEquals("model.hidden_size = 0 is not allowed: use 1..8192", error("{\"model\": {\"hidden_size\": 0}}"));
        assertEquals("task.bits = 40 is not allowed: use 1..16", error("{\"task\": {\"bits\": 40}}"));
        assertEquals("training.learning_rate = -1.0 is not allowed: use a finite value > 0",
                error("{\"training\": {\"learning_rate\": -1}}"));
    }

    @Test
    void errorsFromAFileArePrefixedWithItsName() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"model\": {\"hidden_size\": 100000}}");
        String m = assertThrows(ConfigException.class, () -> loader.load(file)).getMessage();
        assertEquals(file + ": model.hidden_size = 100000 is not allowed: use 1..8192", m);

        Files.writeString(file, "{\"model\": {\"cell\": \"grux\"}}");
        assertTrue(assertThrows(ConfigException.class, () -> loader.load(file)).getMessage()
                .startsWith(file + ": model.cell = \"grux\""));
    }

    @Test
    void malformedJsonNamesFileLineAndColumn() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"model\": {\n    \"cell\": \"gru\",\n  }\n}\n");
        String m = assertThrows(ConfigException.class, () -> loader.load(file)).getMessage();
        assertContains(m, file.toString(), "malformed JSON at line 4, column 3");
    }

    @Test
    void duplicateKeysTrailingContentAndEmptyInputAreRefused() {
        assertContains(error("{\"seed\": 1, \"seed\": 2}"), "malformed JSON at line 1", "Duplicate field 'seed'");
        assertContains(error("{} {}"), "malformed JSON");
        assertContains(error(""), "the config is empty");
        assertContains(error("[1]"), "expected a JSON object at the top level, found [1]");
    }

    @Test
    void missingFileIsAConfigError() {
        Path file = dir.resolve("nope.json");
        assertContains(assertThrows(ConfigException.class, () -> loader.load(file)).getMessage(),
                "config file '" + file + "' does not exist");
    }

    @Test
    void unknownTaskNameListsTheTasks() {
        assertContains(error("{\"task\": {\"name\": \"flopflip\"}}"),
                "task.name = \"flopflip\" is not allowed: expected one of flipflop, sine-wave");
        assertContains(error("{}", "task.name=nope"), "--set task.name=nope: task.name = \"nope\"",
                "one of flipflop, sine-wave");
    }

    // -------------------------------------------------------------------------------------------------- --set

    @Test
    void overridesAreCoercedToTheTypeOfTheirField() {
        ExperimentConfig c = loader.parse("{\"model\": {\"cell\": \"lstm\"}}", List.of("model.cell=GRU",
                "training.learning_rate=0.01", "seed=3", "task.bits=4", "model.learn_initial_state=true",
                "training.optimizer=sgd", "model.hidden_size=1e2"));
        assertEquals(CellType.GRU, c.model().cell());
        assertEquals(0.01, c.training().learningRate());
        assertEquals(3, c.seed());
        assertEquals(4, ((FlipFlopOptions) c.taskOptions()).bits());
        assertTrue(c.model().learnInitialState());
        assertEquals(OptimizerType.SGD, c.training().optimizer());
        assertEquals(100, c.model().hiddenSize());
    }

    @Test
    void laterOverridesWinAndJsonValuedFieldsTakeJson() {
        ExperimentConfig c = loader.fromOverrides(List.of("seed=3", "seed=4", "task.name=sine-wave",
                "task.phases=[0.25, 0.75]"));
        assertEquals(4, c.seed());
        assertEquals(List.of(0.25, 0.75), ((SineWaveOptions) c.taskOptions()).phases());
    }

    @Test
    void badOverridesNameTheOverrideFieldAndValue() {
        assertEquals("--set model.hidden_size=abc: model.hidden_size = \"abc\" is not allowed: expected an integer",
                error("{}", "model.hidden_size=abc"));
        assertContains(error("{}", "model.hidden_size=3.5"), "model.hidden_size = 3.5 is not allowed");
        assertContains(error("{}", "model.dale=yes"), "--set model.dale=yes: model.dale = \"yes\"", "true or false");
        assertContains(error("{}", "model.cell=grux"), "model.cell = \"grux\"", "one of vanilla, leaky, gru, lstm");
        assertContains(error("{}", "model.hiden_size=3"), "--set model.hiden_size=3: unknown field 'model.hiden_size'",
                "model allows: cell, hidden_size");
        assertContains(error("{}", "modle.cell=gru"), "unknown field 'modle'", "the top level allows: task, model");
        assertContains(error("{}", "task.bitz=3"), "unknown field 'task.bitz'", "task 'flipflop' allows: name, bits");
        assertContains(error("{}", "model"), "--set model: expected KEY=VALUE");
        assertContains(error("{}", "model=3"), "model is a section, not a value");
        assertContains(error("{}", "seed.x=3"), "seed is a value, not a section");
        assertContains(error("{}", "model..cell=gru"), "is not a key");
    }

    @Test
    void recordValidationOfAnOverriddenValueNamesTheOverride() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{}");
        assertEquals("--set model.hidden_size=0: model.hidden_size = 0 is not allowed: use 1..8192",
                assertThrows(ConfigException.class, () -> loader.load(file, List.of("model.hidden_size=0")))
                        .getMessage());
    }

    @Test
    void settingTaskNameSwitchesTheTaskAndItsDefaults() {
        String flipflop = "{\"task\": {\"name\": \"flipflop\", \"bits\": 4}, \"seed\": 9}";
        ExperimentConfig c = loader.parse(flipflop, List.of("task.max_frequency=0.5", "task.name=sine-wave"));
        assertEquals("sine-wave", c.taskName());
        assertEquals(new SineWaveOptions(200, 0.01, 0.5, List.of(0.0, 0.5)), c.taskOptions());
        assertEquals(9, c.seed());

        ExperimentConfig same = loader.parse(flipflop, List.of("task.name=flipflop", "task.steps=7"));
        assertEquals(new FlipFlopOptions(4, 7, 0.05), same.taskOptions());
    }

    @Test
    void overrideAppliesToAnExistingConfig() {
        ExperimentConfig c = loader.override(loader.defaults("sine-wave"), List.of("model.cell=lstm"));
        assertEquals("sine-wave", c.taskName());
        assertEquals(CellType.LSTM, c.model().cell());
    }

    // --------------------------------------------------------------------------------------------------- help

    @Test
    void everyModelAndTrainingKeyIsListedWithDefaultAndDescription() {
        List<ConfigKey> keys = loader.keys("flipflop");
        Set<String> names = keys.stream().map(ConfigKey::key).collect(Collectors.toSet());
        for (var c : ModelOptions.class.getRecordComponents()) {
            assertTrue(names.contains("model." + RecordTrees.jsonName(c.getName())), c.getName());
        }
        for (var c : TrainingOptions.class.getRecordComponents()) {
            assertTrue(names.contains("training." + RecordTrees.jsonName(c.getName())), c.getName());
        }
        for (ConfigKey k : keys) {
            if (!k.key().startsWith("task.") || k.key().equals("task.name")) {
                assertFalse(k.description().isEmpty(), k.key());
            }
        }
        assertEquals(new ConfigKey("model.cell", "vanilla | leaky | gru | lstm", "\"leaky\"", "recurrent cell"),
                keys.stream().filter(k -> k.key().equals("model.cell")).findFirst().orElseThrow());
        assertEquals(new ConfigKey("task.bits", "integer", "3", ""), keys.get(1));
        String text = ConfigLoader.formatKeys(keys);
        assertContains(text, "task.name = \"flipflop\"", "model.hidden_size = 128", "(integer)\n", "seed = 1 ");
        assertEquals(keys.size(), text.lines().count());
    }
}
