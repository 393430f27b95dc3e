package org.attractorlab.figure;

import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.attractorlab.core.study.CrossTaskStudy;
import org.attractorlab.core.study.OrthogonalisationStudy;
import org.attractorlab.core.study.ProcrustesStudy;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The charts of the N-back studies (Lei, Ito &amp; Bashivan 2024): the cross-task generalisation matrices, the
 * relevant vs irrelevant decoding bars, the perceptual vs encoding orthogonalisation bars and the Procrustes swap
 * test bars. The panes and {@code export} both draw them from here.
 */
public final class NBackCharts {
    public static final String CROSS_TASK_TITLE = "Cross-task generalisation";
    public static final String RELEVANCE_TITLE = "Within-task decoding of each feature";
    public static final String RELEVANCE_NOTE = "L/I/C1-3: location/identity/category task, 1-3 back; relevant: "
            + "the task's feature";
    public static final String ORTHOGONALISATION_TITLE = "Orthogonalisation: perceptual vs encoding";
    public static final String PROCRUSTES_TITLE = "Procrustes swap test";
    public static final String PROCRUSTES_NOTE = "lag 0: encoding \u2192 memory; lag k: k stimuli later";
    public static final String PERCEPTUAL = "perceptual (stimulus inputs)";
    public static final String ENCODING = "encoding (hidden states)";
    public static final List<String> PROCRUSTES_SERIES = List.of("own rotation", "stimulus swap", "time swap",
            "no rotation");

    private NBackCharts() {
    }

    /** The matrix of one feature: train task (rows) x test task (columns), accuracy from chance to 1. */
    public static HeatmapData crossTask(CrossTaskStudy.Result r, CrossTaskStudy.FeatureMatrix m) {
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (String t : r.tasks()) {
            labels.add(shortTask(t));
            rows.add("trained on " + t);
            columns.add("tested on " + t);
        }
        return new HeatmapData(labels, labels, rows, columns, m.accuracy(), "train task", "test task",
                String.format(Locale.ROOT, "accuracy (chance %.2f)", m.chance()),
                new ColourScale(ColourScale.Kind.SEQUENTIAL, m.chance(), 1), "%.2f");
    }

    /** "category-2back" as "C2". */
    public static String shortTask(String task) {
        int dash = task.indexOf('-');
        return dash > 0 && task.length() > dash + 1 ? Character.toUpperCase(task.charAt(0)) + ""
                + task.charAt(dash + 1) : task;
    }

    /** Fills {@code data} (replacing it): per task (category) and feature (series), the within-task accuracy. */
    public static void fillRelevance(DefaultCategoryDataset data, CrossTaskStudy.Result r) {
        data.setNotify(false);
        data.clear();
        for (CrossTaskStudy.Relevance row : r.relevance()) {
            data.addValue(row.accuracy(), row.feature(), shortTask(row.task()));
        }
        data.setNotify(true);
    }

    /** Fills {@code data} (replacing it): per feature, the perceptual and the encoding index. */
    public static void fillOrthogonalisation(DefaultCategoryDataset data, List<OrthogonalisationStudy.Comparison> c) {
        data.setNotify(false);
        data.clear();
        for (OrthogonalisationStudy.Comparison x : c) {
            String at = x.feature() + " (step " + x.step() + ")";
            data.addValue(x.perceptual().index(), PERCEPTUAL, at);
            data.addValue(x.encoding().index(), ENCODING, at);
        }
        data.setNotify(true);
    }

    /** Fills {@code data} (replacing it): per lag, the mean accuracy of each series of the swap test. */
    public static void fillProcrustes(DefaultCategoryDataset data, ProcrustesStudy.Result r) {
        data.setNotify(false);
        data.clear();
        for (int lag = 0; lag <= r.maxLag(); lag++) {
            String category = "lag " + lag;
            data.addValue(r.mean(lag, ProcrustesStudy.Pair::own), PROCRUSTES_SERIES.get(0), category);
            data.addValue(r.mean(lag, ProcrustesStudy.Pair::stimulusSwap), PROCRUSTES_SERIES.get(1), category);
            data.addValue(r.mean(lag, ProcrustesStudy.Pair::timeSwap), PROCRUSTES_SERIES.get(2), category);
            data.addValue(r.mean(lag, ProcrustesStudy.Pair::none), PROCRUSTES_SERIES.get(3), category);
        }
        data.setNotify(true);
    }

    /** A grouped bar chart of {@code data} from 0 to 1, styled like the other charts, with a title. */
    public static JFreeChart bars(CategoryDataset data, String title, String note, String valueLabel,
                                  boolean rotateLabels, boolean dark) {
        CategoryAxis categories = new CategoryAxis();
        categories.setMaximumCategoryLabelLines(2);
        if (rotateLabels) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        NumberAxis value = new NumberAxis(valueLabel);
        value.setRange(0, 1);
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setItemMargin(0.03);
        for (int i = 0; i < 4; i++) {
            bars.setSeriesPaint(i, ChartStyle.PALETTE[i % ChartStyle.PALETTE.length]);
        }
        bars.setDefaultToolTipGenerator((ds, row, col) -> String.format(Locale.ROOT, "%s, %s: %.3f",
                ds.getColumnKey(col), ds.getRowKey(row), ds.getValue(row, col) == null ? Double.NaN
                        : ds.getValue(row, col).doubleValue()));
        CategoryPlot plot = new CategoryPlot(data, categories, value, bars);
        JFreeChart chart = new JFreeChart(null, null, plot, true);
        ChartStyle.apply(chart, dark);
        chart.setTitle(new TextTitle(title, new Font("SansSerif", Font.BOLD, 12)));
        chart.getTitle().setPaint(ChartStyle.foreground(dark));
        if (note != null) {
            TextTitle t = new TextTitle(note, new Font("SansSerif", Font.PLAIN, 10));
            t.setPaint(ChartStyle.foreground(dark));
            chart.addSubtitle(0, t);
        }
        ChartStyle.styleBars(chart, plot, dark, categories, value);
        return chart;
    }

    /** The relevance bars of a cross-task study. */
    public static JFreeChart relevance(CategoryDataset data, boolean dark) {
        return bars(data, RELEVANCE_TITLE, RELEVANCE_NOTE, "accuracy", false, dark);
    }

    public static JFreeChart orthogonalisation(CategoryDataset data, boolean dark) {
        return bars(data, ORTHOGONALISATION_TITLE, null, "index", false, dark);
    }

    public static JFreeChart procrustes(CategoryDataset data, boolean dark) {
        return bars(data, PROCRUSTES_TITLE, PROCRUSTES_NOTE, "accuracy", false, dark);
    }
}
