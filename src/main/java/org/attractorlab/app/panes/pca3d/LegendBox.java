package org.attractorlab.app.panes.pca3d;

import org.attractorlab.figure.Coloring;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Rectangle;

/** The colour key of the trajectories: one swatch per value, or the colormap's range, and the time fading. */
final class LegendBox extends VBox {
    private Color background;
    private Color foreground;
    private Coloring shown;

    LegendBox(Color background, Color foreground) {
        super(3);
        this.background = background;
        this.foreground = foreground;
        setId("pca3d-legend");
        getStyleClass().add("pca3d-legend");
        setPadding(new Insets(6, 8, 6, 8));
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setMouseTransparent(true);
    }

    /** Redraws the key in the colours of another theme. */
    void setColors(Color background, Color foreground) {
        this.background = background;
        this.foreground = foreground;
        Coloring c = shown;
        shown = null;
        show(c);
    }

    void show(Coloring c) {
        if (c == shown || c != null && shown != null && c.column() != null && c.column().equals(shown.column())
                && c.entries().equals(shown.entries())) {
            return;
        }
        shown = c;
        List<Node> rows = new ArrayList<>();
        if (c != null && c.column() != null) {
            Label title = new Label(c.column());
            title.getStyleClass().add("pca3d-legend-title");
            rows.add(title);
            if (c.categories()) {
                for (Coloring.Entry e : c.entries()) {
                    Circle dot = new Circle(4.5, Palette.color(e.paletteColumn()));
                    Label l = new Label(e.label() + "  (" + e.trials() + ")");
                    HBox row = new HBox(6, dot, l);
                    row.setAlignment(Pos.CENTER_LEFT);
                    rows.add(row);
                }
            } else {
                Stop[] stops = new Stop[11];
                for (int i = 0; i < stops.length; i++) {
                    stops[i] = new Stop(i / 10.0, Palette.sequential(i / 10.0));
                }
                rows.add(new Rectangle(120, 9, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE, stops)));
                rows.add(ends(c.entries().get(0).label(), c.entries().get(1).label()));
            }
        }
        Rectangle time = new Rectangle(120, 4, new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, background.interpolate(foreground, Palette.strength(Palette.FULL, 0))),
                new Stop(1, foreground)));
        VBox.setMargin(time, new Insets(6, 0, 0, 0));
        rows.add(time);
        rows.add(ends("trial start", "end"));
        getChildren().setAll(rows);
    }

    private static HBox ends(String left, String right) {
        Label a = new Label(left);
        Label b = new Label(right);
        a.getStyleClass().add("pca3d-legend-small");
        b.getStyleClass().add("pca3d-legend-small");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox row = new HBox(a, gap, b);
        row.setPrefWidth(120);
        row.setMaxWidth(120);
        return row;
    }
}
