package org.attractorlab.core.config;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.FloatNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ShortNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Converts option records to and from Jackson trees, field by field, so that every error names the dotted path of
 * the field, the bad value and what is allowed. JSON names are the record component names in snake_case (Jackson's
 * {@link PropertyNamingStrategies#SNAKE_CASE}); enums are written as their lower-case names. Component types other
 * than primitives, strings, enums and records (lists, arrays, maps) are converted by Jackson.
 */
public final class RecordTrees {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build();

    private static final PropertyNamingStrategies.NamingBase SNAKE = new PropertyNamingStrategies.SnakeCaseStrategy();

    private RecordTrees() {
    }

    /** Pretty printing with two-space indentation, {@code "key": value} and '\n' line ends on every platform. */
    static DefaultPrettyPrinter prettyPrinter() {
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(new DefaultIndenter("  ", "\n"));
        return printer;
    }

    static String jsonName(String javaName) {
        return SNAKE.translate(javaName);
    }

    /** The fields of a record type as JSON names, in declaration order, with their generic types. */
    static LinkedHashMap<String, Type> fields(Class<?> recordType) {
        LinkedHashMap<String, Type> fields = new LinkedHashMap<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            fields.put(jsonName(c.getName()), c.getGenericType());
        }
        return fields;
    }

    static boolean isRecord(Type type) {
        return type instanceof Class<?> c && c.isRecord();
    }

    // ------------------------------------------------------------------------------------------------ to tree

    static ObjectNode toTree(Record record) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (RecordComponent c : record.getClass().getRecordComponents()) {
            Object value;
            try {
                var accessor = c.getAccessor();
                accessor.setAccessible(true);
                value = accessor.invoke(record);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + record.getClass().getSimpleName() + "."
                        + c.getName(), e);
            }
            node.set(jsonName(c.getName()), valueToTree(value));
        }
        return node;
    }

    static JsonNode valueToTree(Object value) {
        if (value == null) {
            return JsonNodeFactory.instance.nullNode();
        } else if (value instanceof Enum<?> e) {
            return TextNode.valueOf(enumName(e));
        } else if (value instanceof Record r) {
            return toTree(r);
        } else if (value instanceof Integer i) {
            return IntNode.valueOf(i);
        } else if (value instanceof Long l) {
            return LongNode.valueOf(l);
        } else if (value instanceof Short s) {
            return ShortNode.valueOf(s);
        } else if (value instanceof Byte b) {
            return IntNode.valueOf(b);
        } else if (value instanceof Double d) {
            return DoubleNode.valueOf(d);
        } else if (value instanceof Float f) {
            return FloatNode.valueOf(f);
        } else if (value instanceof Boolean b) {
            return BooleanNode.valueOf(b);
        } else if (value instanceof String s) {
            return TextNode.valueOf(s);
        }
        return MAPPER.valueToTree(value);
    }

    static String enumName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    // ---------------------------------------------------------------------------------------------- from tree

    /**
     * Builds a record from an object node holding exactly its fields (checked), through its canonical constructor.
     * The constructor's {@link IllegalArgumentException} (or {@link NullPointerException}) message becomes the
     * {@link ConfigException} message unchanged.
     */
    static <R extends Record> R fromTree(JsonNode node, Class<R> type, String path) {
        LinkedHashMap<String, Type> fields = fields(type);
        if (node == null || !node.isObject()) {
            throw wrongValue(path, node, "an object with keys " + String.join(", ", fields.keySet()));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.containsKey(name)) {
                throw unknownField(join(path, name), path, fields.keySet());
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] argTypes = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            String name = jsonName(components[i].getName());
            String fieldPath = join(path, name);
            JsonNode value = node.get(name);
            if (value == null || value.isMissingNode()) {
                throw new ConfigException(fieldPath + " is missing");
            }
            args[i] = valueFromTree(value, components[i].getGenericType(), fieldPath);
            argTypes[i] = components[i].getType();
        }
        try {
            Constructor<R> constructor = type.getDeclaredConstructor(argTypes);
            constructor.setAccessible(true);
            return constructor.newInstance(args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IllegalArgumentException || cause instanceof NullPointerException) {
                throw new ConfigException(cause.getMessage(), cause);
            }
            throw new ConfigException((path.isEmpty() ? type.getSimpleName() : path) + " is not valid: " + cause,
                    cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** Converts one JSON value to the Java type of a record component, checking its type and range. */
    static Object valueFromTree(JsonNode node, Type type, String path) {
        if (node == null || node.isMissingNode()) {
            throw new ConfigException(path + " is missing");
        }
        if (type instanceof Class<?> c) {
            if (node.isNull()) {
                if (c.isPrimitive() || c.isEnum() || Number.class.isAssignableFrom(c) || c == Boolean.class) {
                    throw wrongValue(path, node, describeType(type));
                }
                return null;
            }
            if (c == int.class || c == Integer.class) {
                return (int) integral(node, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
            } else if (c == long.class || c == Long.class) {
                return integral(node, path, Long.MIN_VALUE, Long.MAX_VALUE);
            } else if (c == short.class || c == Short.class) {
                return (short) integral(node, path, Short.MIN_VALUE, Short.MAX_VALUE);
            } else if (c == byte.class || c == Byte.class) {
                return (byte) integral(node, path, Byte.MIN_VALUE, Byte.MAX_VALUE);
            } else if (c == double.class || c == Double.class) {
                return number(node, path);
            } else if (c == float.class || c == Float.class) {
                double v = number(node, path);
                if (Double.isFinite(v) && Math.abs(v) > Float.MAX_VALUE) {
                    throw wrongValue(path, node, "a number within the 32-bit float range");
                }
                return (float) v;
            } else if (c == boolean.class || c == Boolean.class) {
                if (!node.isBoolean()) {
                    throw wrongValue(path, node, "true or false");
                }
                return node.booleanValue();
            } else if (c == String.class) {
                if (!node.isTextual()) {
                    throw wrongValue(path, node, "a string");
                }
                return node.textValue();
            } else if (c.isEnum()) {
                if (node.isTextual()) {
                    Object constant = enumConstant(c, node.textValue());
                    if (constant != null) {
                        return constant;
                    }
                }
                throw wrongValue(path, node, "one of " + enumNames(c));
            } else if (c.isRecord()) {
                return fromTree(node, c.asSubclass(Record.class), path);
            }
        }
        try {
            return MAPPER.convertValue(node, MAPPER.getTypeFactory().constructType(type));
        } catch (IllegalArgumentException e) {
            throw wrongValue(path, node, "a value of type " + describeType(type));
        }
    }

    /**
     * A JSON number, or one of the strings "NaN", "Infinity", "-Infinity" that Jackson writes for non-finite
     * doubles (JSON has no literal for them).
     */
    private static double number(JsonNode node, String path) {
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isTextual()) {
            Double special = nonFinite(node.textValue());
            if (special != null) {
                return special;
            }
        }
        throw wrongValue(path, node, "a number");
    }

    private static Double nonFinite(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "nan" -> Double.NaN;
            case "infinity", "inf", "+infinity", "+inf" -> Double.POSITIVE_INFINITY;
            case "-infinity", "-inf" -> Double.NEGATIVE_INFINITY;
            default -> null;
        };
    }

    private static long integral(JsonNode node, String path, long min, long max) {
        String expected = "an integer in " + min + ".." + max;
        if (!node.isNumber()) {
            throw wrongValue(path, node, expected);
        }
        long value;
        try {
            value = node.decimalValue().longValueExact();
        } catch (ArithmeticException | NumberFormatException e) { // a fraction, too large, or 1e400 (infinite)
            throw wrongValue(path, node, expected);
        }
        if (value < min || value > max) {
            throw wrongValue(path, node, expected);
        }
        return value;
    }

    // ------------------------------------------------------------------------------------------ --set values

    /**
     * Parses the text of a {@code --set} value as the JSON value of a field of the given type: numbers, booleans,
     * strings and enums are taken literally (an enum case-insensitively); other types (lists, arrays, maps) as JSON.
     * The result is checked as {@link #valueFromTree} would.
     */
    static JsonNode coerce(String raw, Type type, String path) {
        JsonNode node;
        if (type instanceof Class<?> c && (c.isPrimitive() || Number.class.isAssignableFrom(c)
                || c == Boolean.class || c == String.class || c.isEnum())) {
            if (c == String.class) {
                node = TextNode.valueOf(raw);
            } else if (c.isEnum()) {
                Object constant = enumConstant(c, raw.trim());
                if (constant == null) {
                    throw wrongValue(path, TextNode.valueOf(raw), "one of " + enumNames(c));
                }
                node = TextNode.valueOf(enumName((Enum<?>) constant));
            } else if (c == boolean.class || c == Boolean.class) {
                String t = raw.trim().toLowerCase(Locale.ROOT);
                if (!t.equals("true") && !t.equals("false")) {
                    throw wrongValue(path, TextNode.valueOf(raw), "true or false");
                }
                node = BooleanNode.valueOf(t.equals("true"));
            } else {
                boolean floating = c == double.class || c == Double.class || c == float.class || c == Float.class;
                Double special = floating ? nonFinite(raw) : null;
                BigDecimal number;
                try {
                    number = special != null ? null : new BigDecimal(raw.trim());
                } catch (NumberFormatException e) {
                    throw wrongValue(path, TextNode.valueOf(raw), c == double.class || c == Double.class
                            || c == float.class || c == Float.class ? "a number" : "an integer");
                }
                if (special != null) {
                    node = DoubleNode.valueOf(special);
                } else if (floating) {
                    node = DoubleNode.valueOf(number.doubleValue());
                } else {
                    node = JsonNodeFactory.instance.numberNode(number);
                }
            }
        } else {
            try {
                node = MAPPER.readTree(raw);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw wrongValue(path, TextNode.valueOf(raw),
                        "a value of type " + describeType(type) + " written as JSON");
            }
            if (node == null || node.isMissingNode()) {
                throw wrongValue(path, TextNode.valueOf(raw),
                        "a value of type " + describeType(type) + " written as JSON");
            }
        }
        Object value = valueFromTree(node, type, path);
        return valueToTree(value);
    }

    // ------------------------------------------------------------------------------------------------ helpers

    static String describeType(Type type) {
        if (type instanceof Class<?> c) {
            if (c == int.class || c == Integer.class || c == long.class || c == Long.class || c == short.class
                    || c == Short.class || c == byte.class || c == Byte.class) {
                return "integer";
            } else if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
                return "number";
            } else if (c == boolean.class || c == Boolean.class) {
                return "true | false";
            } else if (c == String.class) {
                return "string";
            } else if (c.isEnum()) {
                return enumNames(c).replace(", ", " | ");
            } else if (c.isArray()) {
                return "list of " + describeType(c.getComponentType());
            } else if (c.isRecord()) {
                return "object";
            }
            return c.getSimpleName();
        }
        if (type instanceof java.lang.reflect.ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
            Type[] args = p.getActualTypeArguments();
            if (java.util.Collection.class.isAssignableFrom(raw) && args.length == 1) {
                return "list of " + describeType(args[0]);
            } else if (Map.class.isAssignableFrom(raw) && args.length == 2) {
                return "object of " + describeType(args[1]);
            }
            return raw.getSimpleName();
        }
        return type.getTypeName();
    }

    private static Object enumConstant(Class<?> enumType, String text) {
        for (Object constant : enumType.getEnumConstants()) {
            if (((Enum<?>) constant).name().equalsIgnoreCase(text)) {
                return constant;
            }
        }
        return null;
    }

    static String enumNames(Class<?> enumType) {
        return Arrays.stream(enumType.getEnumConstants()).map(e -> enumName((Enum<?>) e))
                .collect(Collectors.joining(", "));
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    /** JSON text of a value for a message, shortened when long. */
    static String display(JsonNode node) {
        return node == null ? "nothing" : org.attractorlab.core.io.Messages.value(node);
    }

    static ConfigException wrongValue(String path, JsonNode value, String expected) {
        return new ConfigException(path + " = " + display(value) + " is not allowed: expected " + expected);
    }

    /**
     * The unknown-key error: {@code unknown field 'model.hiden_size'; model allows: cell, hidden_size, ...},
     * with a suggestion when a known key is a likely misspelling.
     */
    static ConfigException unknownField(String fullPath, String sectionLabel, Iterable<String> allowed) {
        String name = fullPath.substring(fullPath.lastIndexOf('.') + 1);
        List<String> names = new java.util.ArrayList<>();
        allowed.forEach(names::add);
        String suggestion = names.stream().filter(n -> editDistance(n, name) <= Math.max(1, name.length() / 4))
                .findFirst().map(n -> " (did you mean '" + n + "'?)").orElse("");
        String label = sectionLabel.isEmpty() ? "the top level" : sectionLabel;
        return new ConfigException("unknown field '" + fullPath + "'" + suggestion + "; " + label + " allows: "
                + String.join(", ", names));
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j], cur[j - 1]) + 1);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
