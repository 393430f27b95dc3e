package org.attractorlab.core.task;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The known task families by registry name, each with its options type, defaults and factory. */
public final class TaskRegistry {

    /**
     * One task family.
     *
     * @param name        the registry name, e.g. {@code flipflop}
     * @param description one line for menus and help
     * @param optionsType the options record the factory takes
     * @param defaults    the default options
     * @param factory     makes the task from its options
     * @param <O>         the options record type
     */
    public record Entry<O extends Record>(String name, String description, Class<O> optionsType, O defaults,
                                          Function<O, Task> factory) {
        public Entry {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(optionsType, "optionsType");
            Objects.requireNonNull(defaults, "defaults");
            Objects.requireNonNull(factory, "factory");
        }

        /** Makes the task; {@code options} must be of {@link #optionsType()}. */
        public Task create(Record options) {
            Objects.requireNonNull(options, "options");
            if (!optionsType.isInstance(options)) {
                throw new IllegalArgumentException("task.name = '" + name + "' takes "
                        + optionsType.getSimpleName() + " options, not " + options.getClass().getSimpleName());
            }
            return factory.apply(optionsType.cast(options));
        }
    }

    private static final List<Entry<?>> ENTRIES = List.of(
            new Entry<>(FlipFlopTask.NAME,
                    "N-bit flip-flop: hold the sign of each channel's last pulse (Sussillo & Barak 2013)",
                    FlipFlopOptions.class, FlipFlopOptions.DEFAULTS, FlipFlopTask::new),
            new Entry<>(SineWaveTask.NAME,
                    "Sine-wave generation: a static input level selects one of K frequencies",
                    SineWaveOptions.class, SineWaveOptions.DEFAULTS, SineWaveTask::new),
            new Entry<>(DelayedDiscriminationTask.NAME,
                    "Delayed discrimination (Romo): is f1 greater than f2 after a delay?",
                    DelayedDiscriminationOptions.class, DelayedDiscriminationOptions.DEFAULTS,
                    DelayedDiscriminationTask::new),
            new Entry<>(EvidenceMultitaskTask.NAME,
                    "Multi-task classification of noisy evidence against N_task lines (Vafidis et al.)",
                    EvidenceMultitaskOptions.class, EvidenceMultitaskOptions.DEFAULTS, EvidenceMultitaskTask::new),
            new Entry<>(ContextIntegrationTask.NAME,
                    "Context-dependent integration (Mante 2013): report the sign of the cued stream",
                    ContextIntegrationOptions.class, ContextIntegrationOptions.DEFAULTS, ContextIntegrationTask::new),
            new Entry<>(PerceptualDecisionTask.NAME,
                    "Perceptual decision making: report the sign of one noisy stream",
                    PerceptualDecisionOptions.class, PerceptualDecisionOptions.DEFAULTS, PerceptualDecisionTask::new),
            new Entry<>(NBackTask.NAME,
                    "N-back on objects: match / non-match of location, identity or category N = 1..3 back (Lei et al.)",
                    NBackOptions.class, NBackOptions.DEFAULTS, NBackTask::new),
            new Entry<>(PathIntegrationTask.NAME,
                    "Path integration: report the position of a random walk in a square arena from its velocity",
                    PathIntegrationOptions.class, PathIntegrationOptions.DEFAULTS, PathIntegrationTask::new));

    private static final Map<String, String> COMMON = Map.of(
            "trial_steps", "time steps per trial",
            "dt_millis", "duration of one time step in ms",
            "fixation_steps", "steps of the fixation period",
            "decision_steps", "steps of the decision (response) period",
            "fixate_output", "also train the output to 0 while the fixation input is on",
            "noise_std", "std of the Gaussian noise added to the evidence at every step",
            "stimulus_steps", "steps of the stimulus period",
            "delay_steps", "steps of the delay between stimulus and decision",
            "coherences", "unsigned coherences (stream means) drawn per trial; the sign is random");

    private static final Map<String, Map<String, String>> KEYS = Map.of(
            FlipFlopTask.NAME, Map.of(
                    "bits", "number of independent flip-flop channels N",
                    "pulse_probability", "chance of a pulse per channel and step",
                    "force_initial_pulse", "pulse every channel at t = 0 instead of masking steps before a first pulse"),
            SineWaveTask.NAME, Map.of(
                    "frequency_count", "number of target frequencies K",
                    "min_frequency_hz", "lowest target frequency (Hz)",
                    "max_frequency_hz", "highest target frequency (Hz), below the Nyquist limit"),
            DelayedDiscriminationTask.NAME, Map.of(
                    "f1_steps", "steps of the first stimulus",
                    "f2_steps", "steps of the second stimulus"),
            EvidenceMultitaskTask.NAME, Map.of(
                    "latent_dims", "dimension D of the latent x* ~ U(-0.5, 0.5)^D",
                    "task_count", "number of classification tasks (decision lines) N_task",
                    "encoder_hidden", "hidden width of the frozen random ReLU encoder",
                    "encoder_features", "output width of the frozen encoder (RNN inputs, plus a fixation channel)",
                    "raw_inputs", "feed the raw D-dimensional observations instead of the encoder's features",
                    "encoder_seed", "seed of the encoder weights (and of the decision normals for D > 2)"),
            NBackTask.NAME, Map.ofEntries(
                    Map.entry("diet", "stsf: one task (feature, n_back); stmf: n_back on all features; mtmf: all nine"),
                    Map.entry("feature", "the compared feature of the stsf task"),
                    Map.entry("n_back", "N of the stsf and stmf tasks (1..3)"),
                    Map.entry("stimuli_per_trial", "stimuli in each trial's sequence"),
                    Map.entry("stimulus_steps", "steps each stimulus is shown and answered"),
                    Map.entry("delay_steps", "blank steps after each stimulus (no input, no loss)"),
                    Map.entry("match_rate", "chance that an answer position is a match"),
                    Map.entry("task_cue", "one-hot cue of the nine tasks as inputs (needed by stmf and mtmf)"),
                    Map.entry("stimulus_encoding", "symbolic one-hot features, or cnn features from features_dir"),
                    Map.entry("features_dir", "folder with features.npy and stimuli.csv; \"\" = bundled assets/sensory"),
                    Map.entry("normalize_features", "standardise each cnn feature over the stimulus set"),
                    Map.entry("categories", "object categories (symbolic; cnn takes them from stimuli.csv)"),
                    Map.entry("identities", "identities per category (symbolic)"),
                    Map.entry("locations", "screen locations (symbolic)"),
                    Map.entry("views", "viewing angles recorded in the conditions (symbolic)")),
            PathIntegrationTask.NAME, Map.ofEntries(
                    Map.entry("arena_size", "side L of the square arena [-L/2, L/2]^2"),
                    Map.entry("mean_speed", "mean speed of the walk (units per second)"),
                    Map.entry("speed_std", "std of the speed's Ornstein-Uhlenbeck process (units per second)"),
                    Map.entry("speed_tau_millis", "correlation time of the speed (ms)"),
                    Map.entry("turn_std", "std of the angular velocity's Ornstein-Uhlenbeck process (rad/s)"),
                    Map.entry("turn_tau_millis", "correlation time of the angular velocity (ms)"),
                    Map.entry("border_margin", "distance from a wall at which the agent turns parallel to it"),
                    Map.entry("border_slowdown", "speed factor while turning away from a wall"),
                    Map.entry("velocity_input", "cartesian: v_x, v_y; polar: speed, cos and sin of the heading"),
                    Map.entry("output", "position: x, y; place_cells: Gaussian place-cell population code"),
                    Map.entry("place_grid", "place cells per side of the square grid of centres"),
                    Map.entry("place_sigma", "width sigma of the Gaussian place fields")));

    /** A one-line description of a task's config key (snake_case), or "" if there is none. */
    public static String describeKey(String task, String key) {
        String own = KEYS.getOrDefault(task, Map.of()).get(key);
        return own != null ? own : COMMON.getOrDefault(key, "");
    }

    private TaskRegistry() {
    }

    /** All task families, in a fixed order. */
    public static List<Entry<?>> all() {
        return ENTRIES;
    }

    /** The family named {@code name}; throws IllegalArgumentException naming the known ones otherwise. */
    public static Entry<?> get(String name) {
        for (Entry<?> e : ENTRIES) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw new IllegalArgumentException("task.name = '" + name + "' is not a known task: use one of "
                + ENTRIES.stream().map(Entry::name).collect(Collectors.joining(", ")));
    }

    /** Makes the task {@code name} from {@code options}, which must be that family's options record. */
    public static Task create(String name, Record options) {
        return get(name).create(options);
    }
}
