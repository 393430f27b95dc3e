package org.attractorlab.core.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The sample experiment configs of {@code samples/}, bundled in the jar so the app can open them anywhere. */
public final class Samples {
    /** Every bundled sample, the app's default first. */
    public static final List<String> NAMES = List.of("flipflop-3bit", "sine-wave", "delayed-discrimination",
            "evidence-multitask", "nback-9task", "nback-2back-category", "path-integration");

    private Samples() {
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
