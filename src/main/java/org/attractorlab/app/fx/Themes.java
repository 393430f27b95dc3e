package org.attractorlab.app.fx;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import org.attractorlab.figure.ChartStyle;
import org.jfree.chart.fx.ChartViewer;

/**
 * The light and dark theme: the AtlantaFX stylesheet of the whole application, and the colours of the JFreeChart
 * charts under a node (which the stylesheet does not reach). FX thread.
 */
public final class Themes {
    private Themes() {
    }

    /** Makes the AtlantaFX Primer dark or light stylesheet the application's. */
    public static void useStylesheet(boolean dark) {
        Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheetBSS()
                : new PrimerLight().getUserAgentStylesheetBSS());
    }

    /** Recolours every chart under {@code node}, including the items of split panes and scroll panes' content. */
    public static void retheme(Node node, boolean dark) {
        if (node instanceof ChartViewer v && v.getChart() != null) {
            ChartStyle.retheme(v.getChart(), dark);
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                retheme(child, dark);
            }
        }
        if (node instanceof SplitPane sp) {
            sp.getItems().forEach(n -> retheme(n, dark));
        }
        if (node instanceof ScrollPane sc && sc.getContent() != null) {
            retheme(sc.getContent(), dark);
        }
    }
}
