package org.attractorlab.core.study;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.rsa.ConditionPatterns;
import org.attractorlab.core.analysis.rsa.Distance;
import org.attractorlab.core.analysis.rsa.RdmComparison;
import org.attractorlab.core.analysis.rsa.Rdms;
import org.attractorlab.core.analysis.similarity.BehaviourDistance;
import org.attractorlab.core.analysis.similarity.ClassicalMds;
import org.attractorlab.core.analysis.similarity.Dsa;
import org.attractorlab.core.analysis.similarity.SharedStates;
import org.attractorlab.core.analysis.similarity.WeightDistance;
import org.attractorlab.core.config.ConfigException;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.config.ExperimentConfig;
import org.attractorlab.core.model.Network;
import org.attractorlab.core.run.TrainedRun;
import org.attractorlab.core.task.Task;
import org.attractorlab.core.task.TaskRegistry;
import org.attractorlab.core.task.TrialBatch;

/**
 * Degeneracy across networks (Huang, Singh, Martinelli and Rajan): how different the solutions of N networks trained
 * on one task are, at four levels, each an N x N distance matrix over one shared probe batch (drawn, as {@link Probe}
 * draws it, from the first network's config and seed; every network runs on the same trials, without noise):
 * <ul>
 *   <li>behaviour: {@link BehaviourDistance} of the outputs (masked by the batch's loss mask, normalised by the
 *       outputs' variance pooled over both networks); and, with OOD overrides, the same on a second batch drawn
 *       from the first config with those task keys changed (e.g. {@code task.trial_steps=200});</li>
 *   <li>dynamics: {@link Dsa}'s angular distance, one {@code fit} per network and one {@code compare} per pair;</li>
 *   <li>representation: 1 - linear CKA, and the Procrustes shape distance, of the hidden states over all trials and
 *       steps ({@link SharedStates}); and the RDM comparison ({@link #representationRdm}): 1 - Spearman's rho
 *       between the networks' RDMs over the probe's conditions;</li>
 *   <li>weights: the {@link WeightDistance} of the recurrent weights after matching units by the Hungarian assignment
 *       on their activity profiles on the probe batch (same-size networks only).</li>
 * </ul>
 * Each distance matrix gives a degeneracy score: the mean distance over the pairs i &lt; j with its spread (the
 * standard deviation over those pairs, ddof 0), and a 2D classical-MDS embedding of the networks. With a group-by
 * axis (a sweep axis, or any config key such as {@code model.hidden_size}), also one score per group and matrix,
 * over the pairs within the group.
 */
public final class DegeneracyStudy {
    private DegeneracyStudy() {
    }

    /** The levels at which networks are compared. */
    public enum Level {
        BEHAVIOUR("behaviour"), DYNAMICS("dynamics"), REPRESENTATION("representation"), WEIGHTS("weights");

        private final String key;

        Level(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** The level named {@code key}, or null. */
        public static Level byKey(String key) {
            for (Level l : values()) {
                if (l.key.equals(key)) {
                    return l;
                }
            }
            return null;
        }

        /** "behaviour, dynamics, representation, weights". */
        public static String keys() {
            List<String> k = new ArrayList<>();
            for (Level l : values()) {
                k.add(l.key);
            }
            return String.join(", ", k);
        }
    }

    /** The distance matrices, in the order the files and tables list them; each belongs to one level. */
    public enum Measure {
        BEHAVIOUR("behaviour", Level.BEHAVIOUR, "normalised mean squared output difference on the probe batch"),
        BEHAVIOUR_OOD("behaviour_ood", Level.BEHAVIOUR,
                "normalised mean squared output difference on the out-of-distribution batch"),
        DYNAMICS("dynamics", Level.DYNAMICS, "DSA angular distance, radians"),
        REPRESENTATION_CKA("representation_cka", Level.REPRESENTATION, "1 - linear CKA of the hidden states"),
        REPRESENTATION_PROCRUSTES("representation_procrustes", Level.REPRESENTATION,
                "Procrustes shape distance of the hidden states"),
        REPRESENTATION_RDM("representation_rdm", Level.REPRESENTATION,
                "1 - Spearman rho of the networks' Euclidean RDMs over the probe's conditions"),
        WEIGHTS("weights", Level.WEIGHTS, "normalised Frobenius distance of the recurrent weights after matching units");

        private final String key;
        private final Level level;
        private final String description;

        Measure(String key, Level level, String description) {
            this.key = key;
            this.level = level;
            this.description = description;
        }

        /** The name of its files ({@code distances_<key>.npy}) and of its rows in {@code degeneracy.csv}. */
        public String key() {
            return key;
        }

        public Level level() {
            return level;
        }

        public String description() {
            return description;
        }
    }

    /**
     * One trained network.
     *
     * @param name the name tables and files give it (a run directory's name, a sweep point's name)
     * @param run  the network and its config
     * @param axes the sweep point's axes (name to value as text), empty when it is not from a sweep
     */
    public record Member(String name, TrainedRun run, Map<String, String> axes) {
        public Member {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(run, "run");
            axes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(axes == null ? Map.of() : axes));
        }

        ExperimentConfig config() {
            return run.experiment().config();
        }

        Network network() {
            return run.experiment().network();
        }
    }

    /**
     * @param levels       the levels computed, at least one
     * @param dsa          the options of DSA at the dynamics level
     * @param oodOverrides {@code KEY=VALUE} overrides of task keys applied to the first network's config to draw the
     *                     out-of-distribution batch of the second behaviour matrix; empty for none
     * @param groupBy      a sweep axis or config key to group the networks by, or null
     * @param trials       trials of the probe batch (and of the OOD batch), &gt;= 1
     * @param unitCost     how units are matched at the weight level
     */
    public record Settings(Set<Level> levels, Dsa.Options dsa, List<String> oodOverrides, String groupBy, int trials,
                           SharedStates.UnitCost unitCost) {
        public Settings {
            if (levels == null || levels.isEmpty()) {
                throw StudyException.notAllowed("degeneracy.levels", levels == null ? "" : levels,
                        "name at least one of " + Level.keys());
            }
            levels = java.util.Collections.unmodifiableSet(EnumSet.copyOf(levels));
            Objects.requireNonNull(dsa, "dsa");
            oodOverrides = List.copyOf(oodOverrides == null ? List.of() : oodOverrides);
            for (String o : oodOverrides) {
                int eq = o.indexOf('=');
                String key = eq < 0 ? o : o.substring(0, eq).trim();
                if (eq <= 0 || !key.startsWith("task.") || key.equals("task.name")) {
                    throw StudyException.notAllowed("degeneracy.ood", o, "use KEY=VALUE with a key of the task "
                            + "(task.*, not task.name), e.g. task.trial_steps=200");
                }
            }
            if (groupBy != null && groupBy.isBlank()) {
                throw StudyException.notAllowed("degeneracy.group_by", groupBy, "name a sweep axis or a config key, "
                        + "e.g. model.hidden_size, or none");
            }
            if (trials < 1) {
                throw StudyException.notAllowed("degeneracy.trials", trials, "use at least 1 probe trial");
            }
            Objects.requireNonNull(unitCost, "unitCost");
        }

        public Settings withLevels(Set<Level> l) {
            return new Settings(l, dsa, oodOverrides, groupBy, trials, unitCost);
        }

        public Settings withDsa(Dsa.Options o) {
            return new Settings(levels, o, oodOverrides, groupBy, trials, unitCost);
        }

        public Settings withOod(List<String> overrides) {
            return new Settings(levels, dsa, overrides, groupBy, trials, unitCost);
        }

        public Settings withGroupBy(String axis) {
            return new Settings(levels, dsa, oodOverrides, axis, trials, unitCost);
        }

        public Settings withTrials(int t) {
            return new Settings(levels, dsa, oodOverrides, groupBy, t, unitCost);
        }

        public Settings withUnitCost(SharedStates.UnitCost c) {
            return new Settings(levels, dsa, oodOverrides, groupBy, trials, c);
        }
    }

    /**
     * The degeneracy score of one distance matrix, over a set of networks.
     *
     * @param mean     mean distance over the pairs with a distance
     * @param spread   standard deviation of those distances (ddof 0)
     * @param networks networks in the set
     * @param pairs    pairs with a distance (n (n - 1) / 2 unless some are undefined)
     */
    public record Score(double mean, double spread, int networks, int pairs) {
    }

    /**
     * One distance matrix and what is derived from it.
     *
     * @param measure   which
     * @param size      N
     * @param distances [N, N] row-major, symmetric, zero diagonal; NaN where a pair has no distance; not copied
     * @param score     over all networks
     * @param mds       the 2D embedding, or null when the matrix has pairs without a distance
     */
    public record MeasureResult(Measure measure, int size, double[] distances, Score score, ClassicalMds mds) {
        /** The distance between networks i and j. */
        public double distance(int i, int j) {
            return distances[i * size + j];
        }
    }

    /**
     * The score of one matrix within one group.
     *
     * @param group   the group's value of the group-by axis
     * @param measure the matrix
     */
    public record GroupScore(String group, Measure measure, Score score) {
    }

    /**
     * @param settings   the settings
     * @param names      the networks' names, in the order of the matrices' rows
     * @param axes       each network's sweep axes
     * @param groups     each network's value of the group-by axis, or null without group-by
     * @param measures   the distance matrices computed, in {@link Measure} order
     * @param groupScore with group-by: per group (in order of first appearance) and matrix, the score
     * @param summary    one line: N, the task and each matrix's score
     */
    public record Result(Settings settings, List<String> names, List<Map<String, String>> axes, List<String> groups,
                         List<MeasureResult> measures, List<GroupScore> groupScore, String summary) {
        /** The matrix of a measure, or null if it was not computed. */
        public MeasureResult measure(Measure m) {
            for (MeasureResult r : measures) {
                if (r.measure() == m) {
                    return r;
                }
            }
            return null;
        }

        /** The distinct group values, in order of first appearance; empty without group-by. */
        public List<String> groupValues() {
            return groups == null ? List.of() : List.copyOf(new LinkedHashSet<>(groups));
        }
    }

    /** Every level, DSA's defaults, no OOD batch, no grouping, {@link Probe#TRIALS} trials, squared-distance costs. */
    public static Settings defaultsFor(List<Member> members) {
        return new Settings(EnumSet.allOf(Level.class), Dsa.Options.DEFAULTS, List.of(), null, Probe.TRIALS,
                SharedStates.UnitCost.SQUARED_DISTANCE);
    }

    /**
     * Compares the networks.
     *
     * @throws StudyException for fewer than two networks, networks of different tasks, inputs or outputs, states that
     *                        are not finite, a group-by axis a network lacks, bad OOD overrides, and (at the weight
     *                        level) networks of different sizes that no group separates
     */
    public static Result run(List<Member> members, Settings s) {
        check(members);
        int n = members.size();
        List<String> names = new ArrayList<>();
        List<Map<String, String>> axes = new ArrayList<>();
        for (Member m : members) {
            names.add(m.name());
            axes.add(m.axes());
        }
        List<String> groups = s.groupBy() == null ? null : groupValues(members, s.groupBy());
        boolean[][] weightPairs = s.levels().contains(Level.WEIGHTS) ? weightPairs(members, groups, s.groupBy())
                : null;
        Member first = members.get(0);
        TrialBatch probe = Probe.batch(first.run().experiment(), s.trials());
        List<HiddenStates> states = new ArrayList<>();
        for (Member m : members) {
            HiddenStates h = Probe.states(m.network(), probe);
            checkFinite(m, h, "probe batch");
            states.add(h);
        }
        List<MeasureResult> out = new ArrayList<>();
        if (s.levels().contains(Level.BEHAVIOUR)) {
            out.add(measure(Measure.BEHAVIOUR, behaviour(states, probe), n));
            if (!s.oodOverrides().isEmpty()) {
                TrialBatch ood = oodBatch(first, s);
                List<HiddenStates> oodStates = new ArrayList<>();
                for (Member m : members) {
                    HiddenStates h = Probe.states(m.network(), ood);
                    checkFinite(m, h, "out-of-distribution batch (" + String.join(", ", s.oodOverrides()) + ")");
                    oodStates.add(h);
                }
                out.add(measure(Measure.BEHAVIOUR_OOD, behaviour(oodStates, ood), n));
            }
        }
        if (s.levels().contains(Level.DYNAMICS)) {
            out.add(measure(Measure.DYNAMICS, dynamics(members, states, s.dsa()), n));
        }
        boolean rep = s.levels().contains(Level.REPRESENTATION);
        if (rep || weightPairs != null) {
            double[] cka = new double[n * n];
            double[] procrustes = new double[n * n];
            double[] weights = new double[n * n];
            SharedStates shared = new SharedStates(states);
            double[] cross = shared.crossBuffer();
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    boolean w = weightPairs != null && weightPairs[i][j];
                    shared.cross(i, j, cross);
                    if (rep) {
                        set(cka, n, i, j, 1 - shared.linearCka(i, j, cross));
                        set(procrustes, n, i, j,
                                SharedStates.procrustesDistance(shared.procrustesSimilarity(i, j, cross)));
                    }
                    if (weightPairs != null) {
                        double d = Double.NaN;
                        if (w) {
                            int[] sigma = shared.matchUnits(i, j, cross, s.unitCost());
                            d = WeightDistance.compute(members.get(i).network(), members.get(j).network(), sigma)
                                    .recurrent();
                        }
                        set(weights, n, i, j, d);
                    }
                }
            }
            if (rep) {
                out.add(measure(Measure.REPRESENTATION_CKA, cka, n));
                out.add(measure(Measure.REPRESENTATION_PROCRUSTES, procrustes, n));
                out.add(measure(Measure.REPRESENTATION_RDM, representationRdm(states), n));
            }
            if (weightPairs != null) {
                out.add(measure(Measure.WEIGHTS, weights, n));
            }
        }
        out.sort(java.util.Comparator.comparing(MeasureResult::measure));
        return result(s, names, axes, groups, out, first.config().taskName());
    }

    /**
     * The matrices of {@code levels} of {@code r} scored per value of another axis, {@code groupBy}: the same as
     * {@link #run} with those levels and that grouping, without running or comparing a network again (the distances
     * do not depend on the grouping). The weight level, whose pairs do (networks of different sizes are compared
     * only within a group), cannot be regrouped.
     *
     * @param members the networks of {@code r}, in its order
     * @throws StudyException for members other than r's, levels r lacks or the weight level, and a group-by axis a
     *                        network lacks
     */
    public static Result regroup(Result r, List<Member> members, String groupBy, Set<Level> levels) {
        Settings s = r.settings().withLevels(levels).withGroupBy(groupBy);
        if (levels.contains(Level.WEIGHTS)) {
            throw StudyException.notAllowed("degeneracy.levels", Level.WEIGHTS.key(), "the weight level's pairs "
                    + "depend on the grouping: run the study again with that group-by");
        }
        List<String> names = members.stream().map(Member::name).toList();
        if (!names.equals(r.names())) {
            throw new StudyException("regrouping needs the networks of the result, in its order: got " + names
                    + ", the result has " + r.names());
        }
        for (Level l : levels) {
            if (!r.settings().levels().contains(l)) {
                throw StudyException.notAllowed("degeneracy.levels", l.key(), "the result has only "
                        + r.settings().levels().stream().map(Level::key).toList());
            }
        }
        List<MeasureResult> kept = new ArrayList<>();
        for (MeasureResult m : r.measures()) {
            if (levels.contains(m.measure().level())) {
                kept.add(m);
            }
        }
        List<String> groups = groupBy == null ? null : groupValues(members, groupBy);
        return result(s, names, r.axes(), groups, kept, members.get(0).config().taskName());
    }

    private static Result result(Settings s, List<String> names, List<Map<String, String>> axes, List<String> groups,
                                 List<MeasureResult> out, String task) {
        int n = names.size();
        List<GroupScore> groupScores = new ArrayList<>();
        if (groups != null) {
            for (String g : new LinkedHashSet<>(groups)) {
                boolean[] in = new boolean[n];
                for (int i = 0; i < n; i++) {
                    in[i] = groups.get(i).equals(g);
                }
                for (MeasureResult r : out) {
                    groupScores.add(new GroupScore(g, r.measure(), score(r.distances(), n, in)));
                }
            }
        }
        StringBuilder sum = new StringBuilder(String.format(Locale.ROOT, "%d networks of %s on %d probe trials:", n,
                task, s.trials()));
        for (int k = 0; k < out.size(); k++) {
            MeasureResult r = out.get(k);
            sum.append(k == 0 ? " " : "; ").append(String.format(Locale.ROOT, "%s %.4f \u00b1 %.4f",
                    r.measure().key(), r.score().mean(), r.score().spread()));
        }
        return new Result(s, List.copyOf(names), List.copyOf(axes), groups == null ? null : List.copyOf(groups),
                List.copyOf(out), List.copyOf(groupScores), sum.toString());
    }

    // ------------------------------------------------------------------------------------------------- checks

    static void check(List<Member> members) {
        if (members == null || members.size() < 2) {
            throw new StudyException("degeneracy needs at least two networks, got "
                    + (members == null || members.isEmpty() ? "none" : "one (" + members.get(0).name() + ")"));
        }
        Member a = members.get(0);
        for (Member b : members.subList(1, members.size())) {
            String ta = a.config().taskName();
            String tb = b.config().taskName();
            if (!ta.equals(tb)) {
                throw new StudyException("the networks solve different tasks: " + a.name() + " solves " + ta + " and "
                        + b.name() + " solves " + tb + "; degeneracy compares networks of one task");
            }
            if (a.network().inputSize() != b.network().inputSize()) {
                throw new StudyException("the networks have different inputs: " + a.name() + " takes "
                        + a.network().inputSize() + " and " + b.name() + " takes " + b.network().inputSize()
                        + "; every network runs on one shared probe batch, so they need the same task inputs");
            }
            if (a.network().outputSize() != b.network().outputSize()) {
                throw new StudyException("the networks have different outputs: " + a.name() + " has "
                        + a.network().outputSize() + " and " + b.name() + " has " + b.network().outputSize()
                        + "; their behaviour is compared output by output, so they need the same task outputs");
            }
        }
    }

    static void checkFinite(Member m, HiddenStates h, String batch) {
        float[] x = h.states();
        for (int i = 0; i < x.length; i++) {
            if (!Float.isFinite(x[i])) {
                int unit = i % h.units();
                int step = (i / h.units()) % h.steps();
                int trial = i / (h.units() * h.steps());
                throw new StudyException("the hidden states of " + m.name() + " on the " + batch + " are not finite ("
                        + x[i] + " at trial " + trial + ", step " + step + ", unit " + unit + "): the network "
                        + "diverges; leave it out");
            }
        }
        for (float y : h.outputs()) {
            if (!Float.isFinite(y)) {
                throw new StudyException("the outputs of " + m.name() + " on the " + batch + " are not finite (" + y
                        + "): the network diverges; leave it out");
            }
        }
    }

    /** Each member's value of the group-by axis: its sweep axis, else the config key's value. */
    private static List<String> groupValues(List<Member> members, String axis) {
        List<String> out = new ArrayList<>();
        for (Member m : members) {
            String v = m.axes().get(axis);
            if (v == null) {
                v = configValue(m.config(), axis);
            }
            if (v == null) {
                String allowed = m.axes().isEmpty() ? "use a config key, e.g. model.hidden_size"
                        : "use an axis of the sweep (" + String.join(", ", m.axes().keySet())
                        + ") or a config key, e.g. model.hidden_size";
                throw StudyException.notAllowed("degeneracy.group_by", axis, m.name() + " has no such axis or config "
                        + "key; " + allowed);
            }
            out.add(v);
        }
        return out;
    }

    /** The text of a config key's value ({@code model.hidden_size} gives "64"), or null if it is not a key. */
    static String configValue(ExperimentConfig config, String key) {
        JsonNode node = ConfigLoader.toTree(config);
        for (String part : key.split("\\.", -1)) {
            node = node == null ? null : node.get(part);
        }
        return node == null || node.isContainerNode() || node.isNull() ? null : node.asText();
    }

    /**
     * The pairs whose weights are compared: all, if every network has the same weight shapes; else those within a
     * group if the groups separate the shapes; else refused, naming two networks of different sizes.
     */
    private static boolean[][] weightPairs(List<Member> members, List<String> groups, String groupBy) {
        int n = members.size();
        boolean[][] ok = new boolean[n][n];
        Member a = members.get(0);
        Member differs = null;
        for (Member b : members) {
            if (!weightShape(a).equals(weightShape(b))) {
                differs = b;
                break;
            }
        }
        if (differs == null) {
            for (boolean[] row : ok) {
                java.util.Arrays.fill(row, true);
            }
            return ok;
        }
        if (groups != null) {
            Map<String, Integer> shapeOfGroup = new LinkedHashMap<>();
            boolean separated = true;
            int x = -1;
            int y = -1;
            for (int i = 0; i < n && separated; i++) {
                Integer seen = shapeOfGroup.putIfAbsent(groups.get(i), i);
                if (seen != null && !weightShape(members.get(seen)).equals(weightShape(members.get(i)))) {
                    separated = false;
                    x = seen;
                    y = i;
                }
            }
            if (separated) {
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        ok[i][j] = groups.get(i).equals(groups.get(j));
                    }
                }
                return ok;
            }
            Member mx = members.get(x);
            Member my = members.get(y);
            throw new StudyException("the weight level compares networks of one size, and the group "
                    + groupBy + " = " + groups.get(y) + " holds " + mx.name() + " (" + weightShape(mx) + ") and "
                    + my.name() + " (" + weightShape(my) + "); leave out the weight level or group by an axis that "
                    + "separates the sizes");
        }
        throw new StudyException("the weight level compares networks of one size: " + a.name() + " has "
                + weightShape(a) + " and " + differs.name() + " has " + weightShape(differs) + "; leave out the "
                + "weight level, or group by an axis that separates the sizes (e.g. model.hidden_size)");
    }

    /** "64 units (vanilla)": what two networks must share for their weights to be compared. */
    private static String weightShape(Member m) {
        Network net = m.network();
        int[] rec = net.shapeOf("weight_hh_l0");
        return net.hiddenSize() + " units (" + net.options().cell().name().toLowerCase(Locale.ROOT)
                + (rec[0] == net.hiddenSize() ? "" : ", recurrent weights " + rec[0] + " x " + rec[1]) + ")";
    }

    private static TrialBatch oodBatch(Member first, Settings s) {
        ExperimentConfig cfg;
        try {
            cfg = ConfigLoader.standard().override(first.config(), s.oodOverrides());
        } catch (ConfigException e) {
            throw new StudyException("degeneracy.ood: " + e.getMessage());
        }
        Task task = TaskRegistry.create(cfg.taskName(), cfg.taskOptions());
        Network net = first.network();
        if (task.inputSize() != net.inputSize() || task.outputSize() != net.outputSize()) {
            throw StudyException.notAllowed("degeneracy.ood", String.join(", ", s.oodOverrides()), "the task then has "
                    + task.inputSize() + " inputs and " + task.outputSize() + " outputs, the networks "
                    + net.inputSize() + " and " + net.outputSize() + "; change only keys that keep the inputs and "
                    + "outputs (trial length, timing, probabilities)");
        }
        Experiment e = first.run().experiment();
        return Probe.batch(new Experiment(cfg, task, net, e.loss()), s.trials());
    }

    // ---------------------------------------------------------------------------------------------- the levels

    private static double[] behaviour(List<HiddenStates> states, TrialBatch batch) {
        int n = states.size();
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                set(d, n, i, j, BehaviourDistance.compute(states.get(i).outputs(), states.get(j).outputs(),
                        batch.mask()));
            }
        }
        return d;
    }

    /**
     * The RDM comparison of the representations: each network's RDM over the probe's conditions, and between
     * networks a and b
     * <pre>
     *   d_ab = 1 - rho_S(upper(RDM_a), upper(RDM_b))          in [0, 2]
     * </pre>
     * with rho_S Spearman's rank correlation of the upper triangles (ties sharing their average rank), as
     * {@link RdmComparison} computes it. The conditions and the window are those {@link RsaStudy#defaultsFor} chooses
     * for the probe's task (the condition columns of {@link Columns#conditionColumns}, the last
     * {@value RsaStudy#DEFAULT_WINDOW} steps), the patterns the condition-mean states ({@link ConditionPatterns}), the
     * RDM Euclidean ({@link Rdms}). Not RsaStudy's correlation distance: that one centres each pattern across units, so
     * it changes under a rotation of the state space and would set apart networks that differ only in their basis,
     * which CKA and the Procrustes distance ignore; Euclidean distances, and so d_ab, are invariant to rotations,
     * reflections and translations of either network's states, and rho_S to any monotone change of scale.
     *
     * <p>One RDM and one rank vector per network, so a pair costs one Pearson correlation of two rank vectors of
     * C (C - 1) / 2 entries. NaN for a pair where either RDM is constant (fewer than three conditions, or conditions a
     * network does not tell apart), and for every pair when the task has no condition column.
     *
     * @param states the networks' states on the same probe batch, not modified
     * @return [N, N] row-major, symmetric, zero diagonal
     */
    static double[] representationRdm(List<HiddenStates> states) {
        int n = states.size();
        double[] d = new double[n * n];
        RsaStudy.Settings rsa = RsaStudy.defaultsFor(states.get(0));
        if (rsa.columns().isEmpty()) {
            java.util.Arrays.fill(d, Double.NaN);
            for (int i = 0; i < n; i++) {
                d[i * n + i] = 0;
            }
            return d;
        }
        double[][] ranks = new double[n][];
        for (int i = 0; i < n; i++) {
            ConditionPatterns p = ConditionPatterns.compute(states.get(i), rsa.columns(), rsa.fromStep(),
                    rsa.toStep());
            ranks[i] = RdmComparison.averageRanks(Rdms.compute(p, Distance.EUCLIDEAN).upperTriangle());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                set(d, n, i, j, 1 - RdmComparison.pearson(ranks[i], ranks[j]));
            }
        }
        return d;
    }

    private static double[] dynamics(List<Member> members, List<HiddenStates> states, Dsa.Options o) {
        int n = states.size();
        List<Dsa.Model> models = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            try {
                models.add(Dsa.fit(states.get(i), o));
            } catch (IllegalArgumentException e) {
                throw new StudyException("dynamics: " + members.get(i).name() + ": " + e.getMessage());
            }
        }
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                set(d, n, i, j, Dsa.compare(models.get(i), models.get(j), o).angular());
            }
        }
        return d;
    }

    private static void set(double[] d, int n, int i, int j, double v) {
        d[i * n + j] = v;
        d[j * n + i] = v;
    }

    private static MeasureResult measure(Measure m, double[] d, int n) {
        boolean[] all = new boolean[n];
        java.util.Arrays.fill(all, true);
        boolean complete = true;
        for (double v : d) {
            complete &= Double.isFinite(v);
        }
        return new MeasureResult(m, n, d, score(d, n, all), complete ? ClassicalMds.compute(n, d, 2) : null);
    }

    /** Mean and spread of the finite distances of the pairs i &lt; j with both in the set. */
    static Score score(double[] d, int n, boolean[] in) {
        int members = 0;
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            if (!in[i]) {
                continue;
            }
            members++;
            for (int j = i + 1; j < n; j++) {
                if (in[j] && Double.isFinite(d[i * n + j])) {
                    sum += d[i * n + j];
                    pairs++;
                }
            }
        }
        if (pairs == 0) {
            return new Score(Double.NaN, Double.NaN, members, 0);
        }
        double mean = sum / pairs;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (in[i] && in[j] && Double.isFinite(d[i * n + j])) {
                    double e = d[i * n + j] - mean;
                    ss += e * e;
                }
            }
        }
        return new Score(mean, Math.sqrt(ss / pairs), members, pairs);
    }
}
