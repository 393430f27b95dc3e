package org.attractorlab.app.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.attractorlab.app.session.SessionViewModel;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigKey;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.config.Samples;

/**
 * The experiment form: one field per config key (task, network, training, seed), generated from the config
 * schema, validated on every edit by the same loader the CLI uses. A valid edit is applied at once while the
 * session has not started training; afterwards it waits for {@link #apply()} (which resets the session).
 */
public final class ExperimentViewModel {

    /** One editable config key. */
    public static final class Field {
        private final ConfigKey key;
        private final StringProperty text = new SimpleStringProperty();
        private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

        Field(ConfigKey key, String value) {
            this.key = key;
            text.set(value);
        }

        public ConfigKey key() {
            return key;
        }

        /** The section: task, model, training or seed. */
        public String section() {
            int dot = key.key().indexOf('.');
            return dot < 0 ? key.key() : key.key().substring(0, dot);
        }

        /** The key without its section, e.g. {@code hidden_size}. */
        public String label() {
            int dot = key.key().indexOf('.');
            return dot < 0 ? key.key() : key.key().substring(dot + 1);
        }

        /** The allowed values of an enumerated key (including booleans), else an empty list. */
        public List<String> choices() {
            String t = key.type();
            if (!t.contains("|")) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (String c : t.split("\\|")) {
                out.add(c.trim());
            }
            return out;
        }

        public StringProperty textProperty() {
            return text;
        }

        public ReadOnlyStringProperty errorProperty() {
            return error.getReadOnlyProperty();
        }
    }

    private final SessionViewModel session;
    private final ConfigLoader loader = ConfigLoader.standard();
    private final ObservableList<Field> fields = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper pending = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<String> presets = FXCollections.observableArrayList(Samples.NAMES);
    private ExperimentConfig candidate;
    private boolean rebuilding;

    public ExperimentViewModel(SessionViewModel session) {
        this.session = session;
        show(session.configProperty().get());
        session.configProperty().addListener(configChanged);
    }

    /** A config set from elsewhere (a reopened session) is shown in the form; the form's own apply is not. */
    private final javafx.beans.value.ChangeListener<ExperimentConfig> configChanged = (o, a, c) -> {
        if (c != null && !c.equals(candidate)) {
            show(c);
            pending.set(false);
        }
    };

    /** Stops following the session's config. */
    public void dispose() {
        session.configProperty().removeListener(configChanged);
    }

    public ObservableList<Field> fields() {
        return fields;
    }

    public ObservableList<String> presets() {
        return presets;
    }

    /** Why the current form is not a valid experiment; empty when it is. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** Whether a valid edit waits for {@link #apply()} because training has started. */
    public ReadOnlyBooleanProperty pendingProperty() {
        return pending.getReadOnlyProperty();
    }

    /** Loads a bundled sample into the form. */
    public void loadPreset(String name) {
        show(Samples.load(name));
        apply();
    }

    /** Applies the valid edited config: the session resets to it. */
    public void apply() {
        if (candidate == null || !error.get().isEmpty()) {
            return;
        }
        session.configProperty().set(candidate);
        session.reset();
        pending.set(false);
    }

    private void show(ExperimentConfig config) {
        rebuilding = true;
        try {
            var tree = ConfigLoader.toTree(config);
            List<Field> next = new ArrayList<>();
            for (ConfigKey k : loader.keys(config.taskName())) {
                next.add(new Field(k, valueOf(tree, k.key())));
            }
            fields.setAll(next);
            for (Field f : next) {
                f.textProperty().addListener((o, a, b) -> edited(f));
            }
            candidate = config;
            error.set("");
        } finally {
            rebuilding = false;
        }
    }

    private static String valueOf(com.fasterxml.jackson.databind.JsonNode tree, String key) {
        com.fasterxml.jackson.databind.JsonNode n = tree;
        for (String part : key.split("\\.")) {
            n = n.get(part);
        }
        return n.isTextual() ? n.asText() : n.toString();
    }

    private void edited(Field changed) {
        if (rebuilding) {
            return;
        }
        if (changed.key().key().equals("task.name")) {
            List<String> overrides = overrides(f -> !f.section().equals("task"));
            overrides.add("task.name=" + changed.textProperty().get());
            validate(overrides, true);
            return;
        }
        validate(overrides(f -> true), false);
    }

    private List<String> overrides(java.util.function.Predicate<Field> which) {
        List<String> out = new ArrayList<>();
        for (Field f : fields) {
            if (which.test(f)) {
                out.add(f.key().key() + "=" + f.textProperty().get().trim());
            }
        }
        return out;
    }

    private void validate(List<String> overrides, boolean rebuild) {
        for (Field f : fields) {
            f.error.set("");
        }
        try {
            ExperimentConfig c = loader.fromOverrides(overrides);
            if (rebuild) {
                show(c);
            }
            candidate = c;
            error.set("");
            if (session.serviceProperty().get().phase() == TrainingService.Phase.IDLE) {
                apply();
            } else {
                pending.set(!c.equals(session.configProperty().get()));
            }
        } catch (ConfigException | IllegalArgumentException e) {
            String msg = e.getMessage().replaceFirst("^--set [^:]*: ", "");
            error.set(msg);
            for (Field f : fields) {
                if (msg.contains(f.key().key() + " ") || msg.contains("'" + f.key().key() + "'")
                        || msg.startsWith(f.key().key())) {
                    f.error.set(msg);
                }
            }
        }
    }

    /** Human label of the current task, e.g. for the window title. */
    public String taskName() {
        return session.configProperty().get().taskName().toLowerCase(Locale.ROOT);
    }
}
