package org.attractorlab.core.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@link ConfigLoader} needs to know about tasks: their names and the default options record of each. The
 * options type of a task is the class of its defaults. It keeps {@code core.io} independent of the task registry;
 * the application wires it with
 * <pre>{@code
 * TaskOptionsResolver.of(() -> TaskRegistry.all().stream().map(TaskRegistry.Entry::name).toList(),
 *                        name -> TaskRegistry.get(name).defaults())
 * }</pre>
 */
public interface TaskOptionsResolver {

    /** Known task names; the first is the default task. Never empty. */
    List<String> names();

    /** The default options of the named task; only called with a name from {@link #names()}. */
    Record defaults(String name);

    /** The options record type of the named task. */
    default Class<? extends Record> optionsType(String name) {
        return defaults(name).getClass();
    }

    /** A one-line description of a task key (snake_case, without the {@code task.} prefix), or "". */
    default String describe(String taskName, String key) {
        return "";
    }

    /** The first task name, used when a config names none. */
    default String defaultName() {
        return names().get(0);
    }

    /** A resolver backed by two functions, for example over a registry. */
    static TaskOptionsResolver of(Supplier<List<String>> names, Function<String, ? extends Record> defaults) {
        Objects.requireNonNull(names, "names");
        Objects.requireNonNull(defaults, "defaults");
        return new TaskOptionsResolver() {
            @Override
            public List<String> names() {
                return names.get();
            }

            @Override
            public Record defaults(String name) {
                return defaults.apply(name);
            }
        };
    }

    /** A resolver with key descriptions. */
    static TaskOptionsResolver of(Supplier<List<String>> names, Function<String, ? extends Record> defaults,
                                  java.util.function.BiFunction<String, String, String> descriptions) {
        TaskOptionsResolver base = of(names, defaults);
        return new TaskOptionsResolver() {
            @Override
            public List<String> names() {
                return base.names();
            }

            @Override
            public Record defaults(String name) {
                return base.defaults(name);
            }

            @Override
            public String describe(String taskName, String key) {
                return descriptions.apply(taskName, key);
            }
        };
    }

    /** A resolver over a fixed, ordered map of task name to default options. */
    static TaskOptionsResolver of(Map<String, ? extends Record> defaultsByName) {
        if (defaultsByName.isEmpty()) {
            throw new IllegalArgumentException("at least one task is needed");
        }
        Map<String, Record> copy = new LinkedHashMap<>(defaultsByName);
        List<String> names = List.copyOf(copy.keySet());
        return of(() -> names, copy::get);
    }
}
