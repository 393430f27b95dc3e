package org.attractorlab.core.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.attractorlab.core.io.BoundedFiles;
import org.attractorlab.core.model.ModelOptions;
import org.attractorlab.core.train.TrainingOptions;

/**
 * Reads experiment configs: JSON text or file plus {@code --set KEY=VALUE} overrides, resolved against the defaults.
 *
 * <p>How a config is resolved:
 * <ol>
 *   <li>The JSON is parsed strictly (no duplicate keys, no trailing content); a syntax error names the file, line
 *       and column.</li>
 *   <li>The task is {@code task.name} of the last {@code --set task.name=...}, else of the file, else the first
 *       task of the {@link TaskOptionsResolver}. If an override switches to another task than the file names, the
 *       file's task options are dropped: they belong to the other task.</li>
 *   <li>The defaults tree ({@code ModelOptions.DEFAULTS}, {@code TrainingOptions.DEFAULTS}, the task's defaults,
 *       seed {@value ExperimentConfig#DEFAULT_SEED}) is built and the user's tree is merged onto it; a key that is
 *       not in the defaults is an error naming its full path and the keys allowed there.</li>
 *   <li>The overrides are applied in order, each value coerced to the type of its field (integer, number, boolean,
 *       string, enum by name, anything else as JSON).</li>
 *   <li>The records are built field by field: wrong types and enum values name the field, the value and what is
 *       allowed; the records' own validation messages pass through unchanged.</li>
 * </ol>
 * Every error is a {@link ConfigException}; when a file is read its name prefixes the message, and an error caused
 * by an override is prefixed with {@code --set KEY=VALUE}.
 *
 * <p>The JSON form, with snake_case keys and lower-case enum names:
 * <pre>{@code
 * {
 *   "task": {"name": "flipflop", "bits": 3},
 *   "model": {"cell": "gru", "hidden_size": 64, "activation": "tanh", ...},
 *   "training": {"batch_size": 64, "learning_rate": 0.001, "optimizer": "adam", ...},
 *   "seed": 1
 * }
 * }</pre>
 */
public final class ConfigLoader {

    static final String TASK = "task";
    static final String MODEL = "model";
    static final String TRAINING = "training";
    static final String SEED = "seed";
    static final String NAME = "name";

    /** Marker types of the two sections that are not records. */
    private static final class RootSection {
    }

    private static final class TaskSection {
    }

    private final TaskOptionsResolver tasks;

    /** A loader over every task of {@link org.attractorlab.core.task.TaskRegistry}. */
    public static ConfigLoader standard() {
        return new ConfigLoader(TaskOptionsResolver.of(
                () -> org.attractorlab.core.task.TaskRegistry.all().stream()
                        .map(org.attractorlab.core.task.TaskRegistry.Entry::name).toList(),
                n -> org.attractorlab.core.task.TaskRegistry.get(n).defaults(),
                org.attractorlab.core.task.TaskRegistry::describeKey));
    }

    public ConfigLoader(TaskOptionsResolver tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The default config of the default task. */
    public ExperimentConfig defaults() {
        return defaults(tasks.defaultName());
    }

    /** The default config of the named task. */
    public ExperimentConfig defaults(String taskName) {
        checkTaskName(TextNode.valueOf(taskName));
        return new ExperimentConfig(taskName, tasks.defaults(taskName), ModelOptions.DEFAULTS,
                TrainingOptions.DEFAULTS, ExperimentConfig.DEFAULT_SEED);
    }

    /** Reads a config file. */
    public ExperimentConfig load(Path file) {
        return load(file, List.of());
    }

    /** Reads a config file and applies {@code KEY=VALUE} overrides. Errors are prefixed with the file name. */
    public ExperimentConfig load(Path file, List<String> overrides) {
        String source = file.toString();
        String text;
        try {
            byte[] bytes = BoundedFiles.read(file, BoundedFiles.CONFIG_LIMIT, "a config file");
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (NoSuchFileException e) {
            throw new ConfigException("config file '" + source + "' does not exist", e);
        } catch (BoundedFiles.LimitException e) {
            throw new ConfigException(e.getMessage(), e);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ConfigException(source + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file '" + source + "': " + e, e);
        }
        return resolve(readJson(text, source), source, overrides);
    }

    /**
     * Reads a config file, or the bundled sample that {@code file} names ({@link Samples#named}) when no such file
     * exists, and applies {@code KEY=VALUE} overrides: what the CLI accepts wherever it asks for a config, so that
     * {@code train flipflop-3bit} works from any directory. An existing file always wins; errors in a sample are
     * prefixed with {@code sample NAME}.
     */
    public ExperimentConfig loadFileOrSample(Path file, List<String> overrides) {
        if (!Files.exists(file)) {
            var sample = Samples.named(file.toString());
            if (sample.isPresent()) {
                String source = "sample " + sample.get();
                return resolve(readJson(Samples.json(sample.get()), source), source, overrides);
            }
            throw new ConfigException("config file '" + file + "' does not exist, and it is not a sample name; "
                    + "samples are " + Samples.NAMES);
        }
        return load(file, overrides);
    }

    /** Parses JSON text. */
    public ExperimentConfig parse(String json) {
        return parse(json, List.of());
    }

    /** Parses JSON text and applies {@code KEY=VALUE} overrides. */
    public ExperimentConfig parse(String json, List<String> overrides) {
        return resolve(readJson(json, null), null, overrides);
    }

    /** The defaults of the default task (or of the one {@code task.name=...} names) with overrides applied. */
    public ExperimentConfig fromOverrides(List<String> overrides) {
        return resolve(null, null, overrides);
    }

    /** Applies {@code KEY=VALUE} overrides to a config. */
    public ExperimentConfig override(ExperimentConfig base, List<String> overrides) {
        return resolve(toTree(base), null, overrides);
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** The config as a JSON tree, every key present. */
    public static ObjectNode toTree(ExperimentConfig config) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ObjectNode task = root.putObject(TASK);
        task.put(NAME, config.taskName());
        task.setAll(RecordTrees.toTree(config.taskOptions()));
        root.set(MODEL, RecordTrees.toTree(config.model()));
        root.set(TRAINING, RecordTrees.toTree(config.training()));
        root.put(SEED, config.seed());
        return root;
    }

    /**
     * The fully resolved config as pretty-printed JSON ending with a newline; {@code load} of it gives back an
     * equal config.
     */
    public static String toJson(ExperimentConfig config) {
        try {
            return RecordTrees.MAPPER.writer(RecordTrees.prettyPrinter()).writeValueAsString(toTree(config)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config as JSON", e);
        }
    }

    // ------------------------------------------------------------------------------------------------- help

    /**
     * Every key of a config for the named task, in file order, with its type, default and description: for
     * {@code --help} and the README.
     */
    public List<ConfigKey> keys(String taskName) {
        checkTaskName(TextNode.valueOf(taskName));
        ObjectNode defaults = toTree(defaults(taskName));
        List<ConfigKey> keys = new ArrayList<>();
        keys.add(new ConfigKey("task.name", String.join(" | ", tasks.names()),
                defaults.get(TASK).get(NAME).toString(), "the task to train on; switching it resets the task keys"));
        collectKeys(defaults.get(TASK), TaskSection.class, TASK, taskName, keys);
        collectKeys(defaults.get(MODEL), ModelOptions.class, MODEL, taskName, keys);
        collectKeys(defaults.get(TRAINING), TrainingOptions.class, TRAINING, taskName, keys);
        keys.add(new ConfigKey(SEED, "integer", defaults.get(SEED).toString(), DESCRIPTIONS.get(SEED)));
        return List.copyOf(keys);
    }

    private void collectKeys(JsonNode defaults, Type section, String path, String taskName, List<ConfigKey> out) {
        for (Map.Entry<String, Type> field : sectionFields(section, taskName).entrySet()) {
            if (section == TaskSection.class && field.getKey().equals(NAME)) {
                continue;
            }
            String key = RecordTrees.join(path, field.getKey());
            JsonNode value = defaults.get(field.getKey());
            if (sectionFields(field.getValue(), taskName) != null && value != null && value.isObject()) {
                collectKeys(value, field.getValue(), key, taskName, out);
            } else {
                out.add(new ConfigKey(key, RecordTrees.describeType(field.getValue()), String.valueOf(value),
                        key.startsWith(TASK + ".") ? tasks.describe(taskName, key.substring(TASK.length() + 1))
                                : DESCRIPTIONS.getOrDefault(key, "")));
            }
        }
    }

    /** Formats keys one per line: {@code key = default   description (type)}, aligned. */
    public static String formatKeys(List<ConfigKey> keys) {
        int width = 0;
        for (ConfigKey k : keys) {
            width = Math.max(width, k.key().length() + 3 + k.defaultValue().length());
        }
        StringBuilder sb = new StringBuilder();
        for (ConfigKey k : keys) {
            String left = k.key() + " = " + k.defaultValue();
            sb.append(left).append(" ".repeat(width - left.length() + 2));
            if (!k.description().isEmpty()) {
                sb.append(k.description()).append(' ');
            }
            sb.append('(').append(k.type()).append(")\n");
        }
        return sb.toString();
    }

    /**
     * One line per model, training and top-level key: the model's and training's descriptions live next to their
     * records ({@code ModelOptions.KEY_DESCRIPTIONS}, {@code TrainingOptions.KEY_DESCRIPTIONS}), the seed's here.
     */
    static final Map<String, String> DESCRIPTIONS = descriptions();

    private static Map<String, String> descriptions() {
        Map<String, String> out = new LinkedHashMap<>();
        ModelOptions.KEY_DESCRIPTIONS.forEach((k, v) -> out.put(MODEL + "." + k, v));
        TrainingOptions.KEY_DESCRIPTIONS.forEach((k, v) -> out.put(TRAINING + "." + k, v));
        out.put(SEED, "seed of every random draw: initialisation, trials, noise");
        return java.util.Collections.unmodifiableMap(out);
    }

    // -------------------------------------------------------------------------------------------- resolution

    private record Override(String text, String key, String value) {
        static Override parse(String text) {
            int eq = text.indexOf('=');
            if (eq <= 0 || text.substring(0, eq).isBlank()) {
                throw new ConfigException("--set " + text + ": expected KEY=VALUE, for example model.cell=gru");
            }
            return new Override(text, text.substring(0, eq).trim(), text.substring(eq + 1));
        }

        ConfigException fail(ConfigException e) {
            return new ConfigException("--set " + text + ": " + e.getMessage(), e);
        }
    }

    private ExperimentConfig resolve(ObjectNode userTree, String source, List<String> overrideTexts) {
        List<Override> overrides = overrideTexts.stream().map(Override::parse).toList();
        ObjectNode user = userTree == null ? JsonNodeFactory.instance.objectNode() : userTree.deepCopy();

        String fileTask = null;
        JsonNode taskNode = user.get(TASK);
        if (taskNode != null) {
            try {
                if (!taskNode.isObject()) {
                    throw RecordTrees.wrongValue(TASK, taskNode, "an object such as {\"name\": \""
                            + tasks.defaultName() + "\", ...}");
                }
                JsonNode name = taskNode.get(NAME);
                if (name != null) {
                    fileTask = checkTaskName(name);
                }
            } catch (ConfigException e) {
                throw withSource(source, e);
            }
        }
        String setTask = null;
        for (Override o : overrides) {
            if (o.key().equals(TASK + "." + NAME)) {
                try {
                    setTask = checkTaskName(TextNode.valueOf(o.value().trim()));
                } catch (ConfigException e) {
                    throw o.fail(e);
                }
            }
        }
        String fileEffective = fileTask != null ? fileTask : tasks.defaultName();
        String taskName = setTask != null ? setTask : fileEffective;
        if (!taskName.equals(fileEffective)) {
            user.remove(TASK); // the file's task options belong to the task it names, not to this one
        }

        ObjectNode tree = defaultsTree(taskName);
        try {
            merge(tree, user, "", RootSection.class, taskName);
        } catch (ConfigException e) {
            throw withSource(source, e);
        }
        for (Override o : overrides) {
            if (!o.key().equals(TASK + "." + NAME)) {
                try {
                    apply(tree, o, taskName);
                } catch (ConfigException e) {
                    throw o.fail(e);
                }
            }
        }
        try {
            return build(tree, taskName);
        } catch (ConfigException e) {
            for (int i = overrides.size() - 1; i >= 0; i--) {
                if (e.getMessage().startsWith(overrides.get(i).key() + " ")) {
                    throw overrides.get(i).fail(e);
                }
            }
            throw withSource(source, e);
        }
    }

    private ObjectNode defaultsTree(String taskName) {
        return toTree(defaults(taskName));
    }

    private String checkTaskName(JsonNode name) {
        if (!name.isTextual() || !tasks.names().contains(name.textValue())) {
            throw RecordTrees.wrongValue(TASK + "." + NAME, name, "one of " + String.join(", ", tasks.names()));
        }
        return name.textValue();
    }

    /** The fields of a section (root, task or record type), or null when the type is a plain value. */
    private LinkedHashMap<String, Type> sectionFields(Type section, String taskName) {
        if (section == RootSection.class) {
            LinkedHashMap<String, Type> fields = new LinkedHashMap<>();
            fields.put(TASK, TaskSection.class);
            fields.put(MODEL, ModelOptions.class);
            fields.put(TRAINING, TrainingOptions.class);
            fields.put(SEED, long.class);
            return fields;
        } else if (section == TaskSection.class) {
            Class<? extends Record> type = tasks.optionsType(taskName);
            LinkedHashMap<String, Type> optionFields = RecordTrees.fields(type);
            if (optionFields.containsKey(NAME)) {
                throw new IllegalStateException("options record " + type.getName() + " of task " + taskName
                        + " has a component 'name', which clashes with task.name");
            }
            LinkedHashMap<String, Type> fields = new LinkedHashMap<>();
            fields.put(NAME, String.class);
            fields.putAll(optionFields);
            return fields;
        } else if (RecordTrees.isRecord(section)) {
            return RecordTrees.fields((Class<?>) section);
        }
        return null;
    }

    private static String label(String path, Type section, String taskName) {
        if (section == TaskSection.class) {
            return "task '" + taskName + "'";
        }
        return path;
    }

    /** Merges {@code source} onto {@code target}, refusing keys the section does not have. */
    private void merge(ObjectNode target, JsonNode source, String path, Type section, String taskName) {
        LinkedHashMap<String, Type> fields = sectionFields(section, taskName);
        if (!source.isObject()) {
            throw RecordTrees.wrongValue(path, source, "an object with keys " + String.join(", ", fields.keySet()));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = source.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            Type type = fields.get(key);
            if (type == null) {
                throw RecordTrees.unknownField(RecordTrees.join(path, key), label(path, section, taskName),
                        fields.keySet());
            }
            JsonNode current = target.get(key);
            if (sectionFields(type, taskName) != null && current instanceof ObjectNode currentObject) {
                merge(currentObject, e.getValue(), RecordTrees.join(path, key), type, taskName);
            } else {
                target.set(key, e.getValue());
            }
        }
    }

    private void apply(ObjectNode tree, Override o, String taskName) {
        String[] parts = o.key().split("\\.", -1);
        Type section = RootSection.class;
        ObjectNode node = tree;
        String path = "";
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.isEmpty()) {
                throw new ConfigException("'" + o.key() + "' is not a key; keys are dotted paths such as model.cell");
            }
            LinkedHashMap<String, Type> fields = sectionFields(section, taskName);
            Type type = fields.get(part);
            String fieldPath = RecordTrees.join(path, part);
            if (type == null) {
                throw RecordTrees.unknownField(fieldPath, label(path, section, taskName), fields.keySet());
            }
            LinkedHashMap<String, Type> sub = sectionFields(type, taskName);
            if (i == parts.length - 1) {
                if (sub != null) {
                    throw new ConfigException(fieldPath + " is a section, not a value: set its keys, such as "
                            + fieldPath + "." + sub.keySet().stream().filter(k -> !k.equals(NAME)).findFirst()
                            .orElse(NAME));
                }
                node.set(part, RecordTrees.coerce(o.value(), type, fieldPath));
            } else {
                if (sub == null) {
                    throw new ConfigException(fieldPath + " is a value, not a section, so '" + o.key()
                            + "' does not exist");
                }
                JsonNode child = node.get(part);
                if (!(child instanceof ObjectNode)) {
                    child = node.putObject(part);
                }
                node = (ObjectNode) child;
                section = type;
                path = fieldPath;
            }
        }
    }

    private ExperimentConfig build(ObjectNode tree, String taskName) {
        ObjectNode taskOptions = ((ObjectNode) tree.get(TASK)).deepCopy();
        taskOptions.remove(NAME);
        Record options = RecordTrees.fromTree(taskOptions, tasks.optionsType(taskName), TASK);
        ModelOptions model = RecordTrees.fromTree(tree.get(MODEL), ModelOptions.class, MODEL);
        TrainingOptions training = RecordTrees.fromTree(tree.get(TRAINING), TrainingOptions.class, TRAINING);
        long seed = (Long) RecordTrees.valueFromTree(tree.get(SEED), long.class, SEED);
        return new ExperimentConfig(taskName, options, model, training, seed);
    }

    private static ObjectNode readJson(String text, String source) {
        JsonNode node;
        try {
            node = RecordTrees.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? ""
                    : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new ConfigException(prefix(source) + "malformed JSON" + where + ": " + e.getOriginalMessage(), e);
        }
        if (node == null || node.isMissingNode()) {
            throw new ConfigException(prefix(source) + "the config is empty; expected a JSON object such as "
                    + "{\"task\": {\"name\": ...}, \"model\": {...}, \"training\": {...}, \"seed\": 1}");
        }
        if (!node.isObject()) {
            throw new ConfigException(prefix(source) + "expected a JSON object at the top level, found "
                    + RecordTrees.display(node));
        }
        return (ObjectNode) node;
    }

    private static String prefix(String source) {
        return source == null ? "" : source + ": ";
    }

    private static ConfigException withSource(String source, ConfigException e) {
        return source == null ? e : new ConfigException(prefix(source) + e.getMessage(), e);
    }
}
