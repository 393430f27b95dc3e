package org.attractorlab.core.sweep;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.attractorlab.core.analysis.HiddenStates;
import org.attractorlab.core.analysis.decode.OodQuadrantResult;
import org.attractorlab.core.analysis.fixedpoint.AttractorSummary;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.study.AnglesStudy;
import org.attractorlab.core.study.Columns;
import org.attractorlab.core.study.DecodingStudy;
import org.attractorlab.core.study.FixedPointStudy;
import org.attractorlab.core.study.OodStudy;
import org.attractorlab.core.study.PcaStudy;
import org.attractorlab.core.study.Probe;
import org.attractorlab.core.study.RsaStudy;
import org.attractorlab.core.train.TrainingStatus;

/**
 * The scalar summaries of one trained run, computed through the studies with their defaults on the run's probe
 * batch: what {@code sweep collect} tabulates. Analyses run single-threaded (a sweep worker has one core).
 * <ul>
 * <li>always: {@code final_loss}, {@code final_accuracy}, {@code validation_loss}, {@code validation_accuracy},
 *     {@code steps}, {@code train_seconds};</li>
 * <li>{@code pca}: {@code pca_variance_3} (share of variance in 3 components), {@code pca_dim_90} (components to
 *     90% of the variance);</li>
 * <li>{@code fixed-points}: {@code fp_count}, {@code fp_stable}, {@code fp_slow}, {@code fp_eigs_near_1} (the median
 *     over the points found of the number of Jacobian eigenvalues within {@value #NEAR_ONE} of 1: 1 for a line
 *     attractor, 2 for a plane), {@code fp_manifold_dim} (components to 90% of the points' variance); both from the
 *     study's {@link org.attractorlab.core.analysis.fixedpoint.AttractorSummary};</li>
 * <li>{@code rsa}: {@code rsa_score} (the RDM against the model RDM of the first condition column);</li>
 * <li>{@code angles}: {@code angles_mean_deg} (the mean angle between the groups' subspaces);</li>
 * <li>{@code decode}: {@code decode_<target>} (the within-step score at the last decoded step, for each default
 *     target), and where the OOD quadrant test applies {@code ood_r2}, {@code id_r2} and per latent
 *     {@code ood_r2_<latent>}, {@code id_r2_<latent>}.</li>
 * </ul>
 * An analysis that refuses the data leaves its values out and says why in {@code notes}.
 */
public final class RunSummary {
    /** The analyses a sweep can summarise. */
    public static final List<String> ANALYSES = List.of("pca", "fixed-points", "rsa", "angles", "decode");
    /** How close to 1 an eigenvalue counts as "near 1": the attractor summary's tolerance. */
    public static final double NEAR_ONE = AttractorSummary.DEFAULT_TOLERANCE;

    private RunSummary() {
    }

    /**
     * @param values column name to value
     * @param notes  why an analysis gave nothing, empty when all did
     */
    public record Values(Map<String, Double> values, List<String> notes) {
    }

    public static Values of(Experiment e, TrainingStatus last, List<String> analyses) {
        Map<String, Double> v = new LinkedHashMap<>();
        v.put("final_loss", last.loss());
        v.put("final_accuracy", last.accuracy());
        v.put("validation_loss", last.validationLoss());
        v.put("validation_accuracy", last.validationAccuracy());
        v.put("steps", (double) last.step());
        v.put("train_seconds", last.elapsedSeconds());
        List<String> notes = new java.util.ArrayList<>();
        if (analyses.isEmpty()) {
            return new Values(v, notes);
        }
        HiddenStates h = Probe.states(e, Probe.TRIALS);
        for (String a : analyses) {
            try {
                switch (a) {
                    case "pca" -> pca(h, v);
                    case "fixed-points" -> fixedPoints(e, h, v);
                    case "rsa" -> v.put("rsa_score", RsaStudy.run(h, RsaStudy.defaultsFor(h)).rsa().score());
                    case "angles" -> angles(h, v);
                    case "decode" -> decode(h, v);
                    default -> throw new IllegalArgumentException("no analysis '" + a + "'");
                }
            } catch (IllegalArgumentException ex) {
                notes.add(a + ": " + ex.getMessage());
            }
        }
        return new Values(v, notes);
    }

    private static void pca(HiddenStates h, Map<String, Double> v) {
        PcaStudy.Result r = PcaStudy.run(h, PcaStudy.defaultsFor(h).withComponents(Math.min(h.units(), 64)));
        double[] cum = r.pca().cumulativeExplainedVarianceRatio();
        v.put("pca_variance_3", cum[Math.min(3, cum.length) - 1]);
        double dim = Double.NaN;
        for (int i = 0; i < cum.length; i++) {
            if (cum[i] >= 0.9) {
                dim = i + 1;
                break;
            }
        }
        v.put("pca_dim_90", dim);
    }

    private static void fixedPoints(Experiment e, HiddenStates h, Map<String, Double> v) {
        FixedPointStudy.Result s = FixedPointStudy.run(e.network(), h, FixedPointStudy.defaultsFor(e).withThreads(1));
        FixedPointResult r = s.points();
        v.put("fp_count", (double) r.fixedPointCount());
        v.put("fp_stable", (double) r.stableFixedPointCount());
        v.put("fp_slow", (double) (r.count() - r.fixedPointCount()));
        v.put("fp_eigs_near_1", s.attractor().medianUnitEigenvalues());
        v.put("fp_manifold_dim", r.count() == 0 ? Double.NaN : (double) s.attractor().manifoldDimension());
    }

    private static void angles(HiddenStates h, Map<String, Double> v) {
        AnglesStudy.Result r = AnglesStudy.run(h, AnglesStudy.defaultsFor(h));
        int n = r.angles().groupCount();
        double sum = 0;
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += r.meanDegrees(i, j);
                pairs++;
            }
        }
        v.put("angles_mean_deg", pairs == 0 ? Double.NaN : sum / pairs);
    }

    private static void decode(HiddenStates h, Map<String, Double> v) {
        for (String target : Columns.decodeTargets(h.conditions())) {
            try {
                DecodingStudy.Result r = DecodingStudy.run(h, DecodingStudy.defaultsFor(h, target));
                double[] diag = r.decoding().diagonal();
                v.put("decode_" + target, diag[diag.length - 1]);
            } catch (IllegalArgumentException skipped) {
                // a target the decoder refuses (constant, too few trials per class) has no column
            }
        }
        if (OodStudy.appliesTo(h.conditions())) {
            OodQuadrantResult ood = OodStudy.run(h, OodStudy.defaultsFor(h)).ood();
            v.put("ood_r2", ood.meanOod());
            v.put("id_r2", ood.meanInDistribution());
            for (int d = 0; d < ood.latentColumns().size(); d++) {
                double o = 0;
                for (int q = 0; q < ood.quadrants().length; q++) {
                    o += ood.ood(q, d);
                }
                v.put("ood_r2_" + ood.latentColumns().get(d), o / ood.quadrants().length);
                v.put("id_r2_" + ood.latentColumns().get(d), ood.inDistribution(d));
            }
        }
    }
}
