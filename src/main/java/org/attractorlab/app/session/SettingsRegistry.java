package org.attractorlab.app.session;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.StringProperty;

/**
 * The settings of every pane that a session saves: each is a named property of a pane's view model, written as
 * text in session.json ({@code panes.PANE.KEY}) and set back when the session reopens. A value that no longer
 * parses (an enum constant renamed, a number out of range) is skipped and reported; the pane keeps its default.
 * FX thread only.
 */
public final class SettingsRegistry {

    private record Setting(Supplier<String> get, Consumer<String> set) {
    }

    private final Map<String, Map<String, Setting>> panes = new LinkedHashMap<>();

    private void add(String pane, String key, Supplier<String> get, Consumer<String> set) {
        panes.computeIfAbsent(pane, p -> new LinkedHashMap<>()).put(key, new Setting(get, set));
    }

    public SettingsRegistry text(String pane, String key, StringProperty p) {
        add(pane, key, () -> p.get() == null ? "" : p.get(), p::set);
        return this;
    }

    public SettingsRegistry integer(String pane, String key, IntegerProperty p) {
        add(pane, key, () -> Integer.toString(p.get()), v -> p.set(Integer.parseInt(v.trim())));
        return this;
    }

    public SettingsRegistry bool(String pane, String key, BooleanProperty p) {
        add(pane, key, () -> Boolean.toString(p.get()), v -> {
            if (!v.equals("true") && !v.equals("false")) {
                throw new IllegalArgumentException("expected true or false");
            }
            p.set(Boolean.parseBoolean(v));
        });
        return this;
    }

    /** An enum setting, written as its lower-case constant name. */
    public <E extends Enum<E>> SettingsRegistry choice(String pane, String key, ObjectProperty<E> p, Class<E> type) {
        add(pane, key, () -> p.get() == null ? "" : p.get().name().toLowerCase(Locale.ROOT),
                v -> p.set(Enum.valueOf(type, v.toUpperCase(Locale.ROOT))));
        return this;
    }

    /** A list of names, written comma-separated. */
    public SettingsRegistry names(String pane, String key, ObjectProperty<List<String>> p) {
        add(pane, key, () -> String.join(",", p.get() == null ? List.of() : p.get()),
                v -> p.set(v.isBlank() ? List.of() : List.copyOf(Arrays.asList(v.split(",", -1)))));
        return this;
    }

    /** Any other setting, through its own conversion to and from text. */
    public <T> SettingsRegistry custom(String pane, String key, ObjectProperty<T> p, Function<T, String> write,
                                       Function<String, T> read) {
        add(pane, key, () -> write.apply(p.get()), v -> p.set(read.apply(v)));
        return this;
    }

    /** Every setting's current value, pane by pane. */
    public Map<String, Map<String, String>> capture() {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        panes.forEach((pane, settings) -> {
            Map<String, String> values = new LinkedHashMap<>();
            settings.forEach((k, s) -> values.put(k, s.get().get()));
            out.put(pane, values);
        });
        return out;
    }

    /**
     * Sets every saved value that names a known setting. Unknown panes and keys (a newer or older version's) are
     * ignored.
     *
     * @return one line per value that could not be set ("rsa.distance: 'foo' ..."), empty when all were
     */
    public List<String> apply(Map<String, Map<String, String>> saved) {
        List<String> problems = new ArrayList<>();
        saved.forEach((pane, values) -> {
            Map<String, Setting> settings = panes.get(pane);
            if (settings == null) {
                return;
            }
            values.forEach((key, value) -> {
                Setting s = settings.get(key);
                if (s == null) {
                    return;
                }
                try {
                    s.set().accept(value);
                } catch (RuntimeException e) {
                    problems.add(pane + "." + key + ": '" + value + "' was not restored (" + e.getMessage() + ")");
                }
            });
        });
        return problems;
    }
}
