package org.attractorlab.core.config;

/**
 * One configurable key, for {@code --help} and the README.
 *
 * @param key          dotted path, e.g. {@code model.hidden_size}
 * @param type         what values it takes, e.g. {@code integer}, {@code number}, {@code true | false},
 *                     {@code vanilla | leaky | gru | lstm}
 * @param defaultValue the default as JSON text
 * @param description  one line, may be empty
 */
public record ConfigKey(String key, String type, String defaultValue, String description) {
}
