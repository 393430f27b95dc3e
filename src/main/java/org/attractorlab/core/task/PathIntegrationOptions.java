package org.attractorlab.core.task;

import java.util.Objects;

/**
 * Options of the path-integration task ({@link PathIntegrationTask}). Lengths are in arena units, times in ms.
 *
 * @param trialSteps     T, time steps per trial (1..100000)
 * @param arenaSize      side L of the square arena [-L/2, L/2]^2, &gt; 0
 * @param meanSpeed      mean speed of the walk (units per second), &gt; 0
 * @param speedStd       stationary std of the speed's Ornstein-Uhlenbeck process (units per second), &gt;= 0
 * @param speedTauMillis correlation time of the speed (ms), &gt; 0
 * @param turnStd        stationary std of the angular velocity's Ornstein-Uhlenbeck process (rad per second),
 *                       &gt;= 0
 * @param turnTauMillis  correlation time of the angular velocity (ms), &gt; 0
 * @param borderMargin   distance from a wall within which the agent turns parallel to it when heading into it,
 *                       in [0, L/2)
 * @param borderSlowdown factor applied to the speed while turning away from a wall, in (0, 1]
 * @param velocityInput  {@code cartesian} (v_x, v_y) or {@code polar} (speed, cos, sin of the heading)
 * @param output         {@code position} (x, y) or {@code place_cells} (a population code)
 * @param placeGrid      place cells per side of the grid of centres (the code has placeGrid^2 cells), 2..64
 * @param placeSigma     width sigma of the Gaussian place fields, &gt; 0
 * @param dtMillis       duration of one step in ms
 */
public record PathIntegrationOptions(int trialSteps, double arenaSize, double meanSpeed, double speedStd,
                                     double speedTauMillis, double turnStd, double turnTauMillis,
                                     double borderMargin, double borderSlowdown, VelocityInput velocityInput,
                                     PositionOutput output, int placeGrid, double placeSigma, double dtMillis) {

    public static final PathIntegrationOptions DEFAULTS = new PathIntegrationOptions(100, 2.0, 0.4, 0.15, 1000.0,
            2.0, 500.0, 0.2, 0.25, VelocityInput.CARTESIAN, PositionOutput.POSITION, 8, 0.25, 100.0);

    public PathIntegrationOptions {
        Checks.range("trial_steps", trialSteps, 1, 100_000);
        Checks.positive("arena_size", arenaSize);
        Checks.positive("mean_speed", meanSpeed);
        Checks.nonNegative("speed_std", speedStd);
        Checks.positive("speed_tau_millis", speedTauMillis);
        Checks.nonNegative("turn_std", turnStd);
        Checks.positive("turn_tau_millis", turnTauMillis);
        if (!(borderMargin >= 0 && borderMargin < arenaSize / 2)) {
            throw Checks.notAllowed("border_margin", borderMargin, "use a distance in [0, arena_size / 2)");
        }
        if (!(borderSlowdown > 0 && borderSlowdown <= 1)) {
            throw Checks.notAllowed("border_slowdown", borderSlowdown, "use a factor in (0, 1]");
        }
        if (velocityInput == null) {
            throw Checks.notAllowed("velocity_input", null, "use cartesian or polar");
        }
        if (output == null) {
            throw Checks.notAllowed("output", null, "use position or place_cells");
        }
        Checks.range("place_grid", placeGrid, 2, 64);
        Checks.positive("place_sigma", placeSigma);
        Checks.dtMillis(dtMillis);
        Objects.requireNonNull(output);
    }
}
