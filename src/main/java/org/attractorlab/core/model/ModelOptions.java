package org.attractorlab.core.model;

import java.util.Objects;

/**
 * The network's architecture and constraints. Input and output sizes come from the task. Validates on
 * construction and names the bad value.
 *
 * @param cell                 vanilla | leaky | gru | lstm
 * @param hiddenSize           H, number of recurrent units (1..8192)
 * @param activation           f of the leaky/vanilla RNN (GRU and LSTM use their standard nonlinearities)
 * @param alpha                dt / tau of the leaky RNN in (0, 1]; forced to 1 for {@code vanilla}
 * @param sigmaRec             recurrent noise std (leaky/vanilla), >= 0; scaled by sqrt(2 / alpha)
 * @param sigmaIn              input noise std, >= 0 (all cells)
 * @param init                 initialisation of the recurrent weights
 * @param gain                 g of the recurrent initialisation, > 0
 * @param dale                 Dale's law: a fraction of units excitatory, W_rec = |W| D (leaky/vanilla only)
 * @param excitatoryFraction   fraction of excitatory units under Dale's law, in (0, 1)
 * @param connectivity         probability that a recurrent connection exists (fixed random mask), in (0, 1]
 * @param autapses             whether self-connections W_ii are allowed (leaky/vanilla only)
 * @param rank                 0 for full-rank recurrence, else r of W_rec = M N^T / H (leaky/vanilla only)
 * @param learnInitialState    whether h_0 is a trained parameter (else h_0 = 0)
 */
public record ModelOptions(CellType cell, int hiddenSize, Activation activation, double alpha, double sigmaRec,
                           double sigmaIn, Initialization init, double gain, boolean dale,
                           double excitatoryFraction, double connectivity, boolean autapses, int rank,
                           boolean learnInitialState) {

    /** What each key of this record means, by its JSON name (the config schema and {@code config --keys} show it). */
    public static final java.util.Map<String, String> KEY_DESCRIPTIONS = java.util.Map.ofEntries(
            java.util.Map.entry("cell", "recurrent cell"),
            java.util.Map.entry("hidden_size", "number of recurrent units H (1..8192)"),
            java.util.Map.entry("activation", "nonlinearity f of the vanilla/leaky RNN"),
            java.util.Map.entry("alpha", "dt / tau of the leaky RNN, in (0, 1]; 1 for vanilla"),
            java.util.Map.entry("sigma_rec", "recurrent noise std (vanilla/leaky), scaled by sqrt(2 / alpha)"),
            java.util.Map.entry("sigma_in", "input noise std"),
            java.util.Map.entry("init", "initialisation of the recurrent weights"),
            java.util.Map.entry("gain", "gain g of the recurrent initialisation, > 0"),
            java.util.Map.entry("dale", "Dale's law: units are excitatory or inhibitory (vanilla/leaky)"),
            java.util.Map.entry("excitatory_fraction", "fraction of excitatory units under Dale's law, in (0, 1)"),
            java.util.Map.entry("connectivity", "probability that a recurrent connection exists, in (0, 1]"),
            java.util.Map.entry("autapses", "allow self-connections W_ii (vanilla/leaky)"),
            java.util.Map.entry("rank", "0 = full-rank recurrence, else rank r of W_rec = M N^T / H"),
            java.util.Map.entry("learn_initial_state", "train the initial state h_0 (else h_0 = 0)"));

    public static final int MAX_HIDDEN = 8192;

    public static final ModelOptions DEFAULTS = new ModelOptions(CellType.LEAKY, 128, Activation.TANH, 0.2, 0.0,
            0.0, Initialization.NORMAL, 1.0, false, 0.8, 1.0, true, 0, false);

    public ModelOptions {
        Objects.requireNonNull(cell, "model.cell must be one of vanilla, leaky, gru, lstm");
        Objects.requireNonNull(activation, "model.activation must be one of tanh, relu, softplus, rectified_tanh, identity");
        Objects.requireNonNull(init, "model.init must be one of normal, orthogonal");
        if (hiddenSize < 1 || hiddenSize > MAX_HIDDEN) {
            throw new IllegalArgumentException("model.hidden_size = " + hiddenSize + " is not allowed: use 1.."
                    + MAX_HIDDEN);
        }
        if (cell == CellType.VANILLA) {
            alpha = 1.0;
        }
        if (!(alpha > 0 && alpha <= 1)) {
            throw new IllegalArgumentException("model.alpha = " + alpha + " is not allowed: alpha = dt/tau must be in (0, 1]");
        }
        if (!(sigmaRec >= 0 && Double.isFinite(sigmaRec))) {
            throw new IllegalArgumentException("model.sigma_rec = " + sigmaRec + " is not allowed: use a finite value >= 0");
        }
        if (!(sigmaIn >= 0 && Double.isFinite(sigmaIn))) {
            throw new IllegalArgumentException("model.sigma_in = " + sigmaIn + " is not allowed: use a finite value >= 0");
        }
        if (!(gain > 0 && Double.isFinite(gain))) {
            throw new IllegalArgumentException("model.gain = " + gain + " is not allowed: use a finite value > 0");
        }
        if (!(excitatoryFraction > 0 && excitatoryFraction < 1)) {
            throw new IllegalArgumentException("model.excitatory_fraction = " + excitatoryFraction
                    + " is not allowed: use a value in (0, 1)");
        }
        if (!(connectivity > 0 && connectivity <= 1)) {
            throw new IllegalArgumentException("model.connectivity = " + connectivity
                    + " is not allowed: use a connection probability in (0, 1]");
        }
        if (rank < 0 || rank > hiddenSize) {
            throw new IllegalArgumentException("model.rank = " + rank + " is not allowed: use 0 (full rank) or 1.."
                    + hiddenSize + " (hidden_size)");
        }
        boolean gated = cell == CellType.GRU || cell == CellType.LSTM;
        if (gated && (dale || connectivity < 1 || !autapses || rank > 0 || sigmaRec > 0)) {
            throw new IllegalArgumentException("model.cell = " + cell.name().toLowerCase()
                    + " does not support dale, connectivity < 1, autapses = false, rank > 0 or sigma_rec > 0: "
                    + "these constraints apply to the vanilla and leaky RNN only");
        }
        if (rank > 0 && dale) {
            throw new IllegalArgumentException("model.rank = " + rank
                    + " cannot be combined with model.dale = true: choose one recurrence constraint");
        }
    }

    /** Whether this cell has the leaky-RNN form (vanilla or leaky). */
    public boolean isRateNetwork() {
        return cell == CellType.VANILLA || cell == CellType.LEAKY;
    }
}
