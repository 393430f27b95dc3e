package org.attractorlab.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The sample experiment configs of {@code samples/}, bundled in the jar so the app can open them anywhere. */
public final class Samples {
    /** Every bundled sample, the app's default first. */
    public static final List<String> NAMES = List.of("flipflop-3bit", "sine-wave", "delayed-discrimination",
            "evidence-multitask", "nback-9task", "nback-2back-category", "path-integration");

    private Samples() {
    }

    /**
     * The bundled sample that {@code pathOrName} names where a config file is expected: a sample's name
     * ({@code flipflop-3bit}), the name with {@code .json}, or the source tree's relative path
     * {@code samples/flipflop-3bit.json}; empty for anything else. Callers look for a file of that name first, so an
     * existing file always wins over a sample.
     */
    public static Optional<String> named(String pathOrName) {
        Path p;
        try {
            p = Path.of(pathOrName).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (p.isAbsolute() || p.getNameCount() > 2
                || (p.getNameCount() == 2 && !p.getName(0).toString().equals("samples"))) {
            return Optional.empty();
        }
        String name = p.getFileName().toString();
        boolean json = name.endsWith(".json");
        if (json) {
            name = name.substring(0, name.length() - ".json".length());
        }
        if (p.getNameCount() == 2 && !json) {
            return Optional.empty();
        }
        return NAMES.contains(name) ? Optional.of(name) : Optional.empty();
    }

    /** The JSON text of a bundled sample. */
    public static String json(String name) {
        if (!NAMES.contains(name)) {
            throw new IllegalArgumentException("no sample '" + name + "'; samples are " + NAMES);
        }
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name + ".json")) {
            if (in == null) {
                throw new IllegalStateException("sample '" + name + "' is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A bundled sample, parsed. */
    public static ExperimentConfig load(String name) {
        return ConfigLoader.standard().parse(json(name));
    }
}
