package org.attractorlab.app.panes.fixedpoints;

import java.util.Locale;
import org.attractorlab.core.analysis.fixedpoint.FixedPointResult;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The eigenvalue spectrum of a fixed-point result as the pane's chart shows it: the eigenvalues of all points and
 * those of the selected point, either as the eigenvalues lambda of the map or (rate networks) as continuous-time
 * rates (lambda - 1) / alpha, and the hover text of one eigenvalue. FX thread only, except {@link #of}.
 */
final class SpectrumModel {
    private final DefaultXYDataset all = new DefaultXYDataset();
    private final DefaultXYDataset selected = new DefaultXYDataset();
    private FixedPointResult result;
    private Points points;

    /** All points' eigenvalues as scatter data [2][n]: discrete lambda, and (rate networks) the rates. */
    record Points(double[][] discrete, double[][] continuous) {
    }

    /** The scatter data of every point of {@code r} (any thread: the search computes it with the result). */
    static Points of(FixedPointResult r) {
        return new Points(flatten(r.eigenReal(), r.eigenImag()),
                r.rateReal() == null ? null : flatten(r.rateReal(), r.rateImag()));
    }

    private static double[][] flatten(double[][] re, double[][] im) {
        return org.attractorlab.figure.EigenvalueChart.flatten(re, im);
    }

    DefaultXYDataset all() {
        return all;
    }

    DefaultXYDataset selected() {
        return selected;
    }

    /** Shows {@code r} (null clears), with {@code p} = {@link #of}{@code (r)}. */
    void setResult(FixedPointResult r, Points p, boolean continuous) {
        result = r;
        points = r == null ? null : p;
        refreshAll(continuous);
    }

    void refreshAll(boolean continuous) {
        if (points == null) {
            if (all.getSeriesCount() > 0) {
                all.removeSeries(FixedPointsViewModel.ALL_POINTS);
            }
            return;
        }
        all.addSeries(FixedPointsViewModel.ALL_POINTS, continuous ? points.continuous() : points.discrete());
    }

    void refreshSelected(int i, boolean continuous) {
        FixedPointResult r = result;
        if (r == null || i < 0 || i >= r.count()) {
            if (selected.getSeriesCount() > 0) {
                selected.removeSeries(FixedPointsViewModel.SELECTED_POINT);
            }
            return;
        }
        double[] re = continuous ? r.rateReal()[i] : r.eigenReal()[i];
        double[] im = continuous ? r.rateImag()[i] : r.eigenImag()[i];
        selected.addSeries(FixedPointsViewModel.SELECTED_POINT, new double[][]{re.clone(), im.clone()});
    }

    /** See {@link FixedPointsViewModel#describeEigenvalue}; {@code selectedPoint} is the selected point's index. */
    String describe(int dataset, int item, int selectedPoint, boolean continuous) {
        FixedPointResult r = result;
        if (r == null || item < 0) {
            return null;
        }
        int point;
        int mode = item;
        if (dataset == 0) {
            point = selectedPoint;
        } else {
            point = 0;
            while (point < r.count() && mode >= r.eigenReal()[point].length) {
                mode -= r.eigenReal()[point].length;
                point++;
            }
        }
        if (point < 0 || point >= r.count() || mode >= r.eigenReal()[point].length) {
            return null;
        }
        double re = r.eigenReal()[point][mode];
        double im = r.eigenImag()[point][mode];
        double modulus = Math.hypot(re, im);
        String tau = r.timeConstantsMillis() != null
                ? String.format(Locale.ROOT, "%.4g ms", r.timeConstantsMillis()[point][mode])
                : String.format(Locale.ROOT, "%.4g steps", 1 / Math.abs(Math.log(modulus)));
        String text = String.format(Locale.ROOT,
                "point %d, mode %d: \u03bb = %.4f %s %.4fi \u00b7 |\u03bb| = %.4f \u00b7 \u03c4 = %s%s", point, mode,
                re, im < 0 ? "\u2212" : "+", Math.abs(im), modulus, tau, modulus > 1 ? " (unstable)" : "");
        if (continuous) {
            text += String.format(Locale.ROOT, "%nrate (\u03bb \u2212 1)/\u03b1 = %.4f %s %.4fi",
                    r.rateReal()[point][mode], r.rateImag()[point][mode] < 0 ? "\u2212" : "+",
                    Math.abs(r.rateImag()[point][mode]));
        }
        return text;
    }
}
