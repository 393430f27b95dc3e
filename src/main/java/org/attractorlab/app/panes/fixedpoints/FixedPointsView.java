package org.attractorlab.app.panes.fixedpoints;

import atlantafx.base.controls.Popover;
import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.jfree.chart.JFreeChart;

/**
 * The fixed-points pane: Find and its settings, the search's progress or summary, the eigenvalue spectrum of all
 * points with the selected point's highlighted, and the table of points.
 */
public final class FixedPointsView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final SpectrumChart spectrum;
    private final PointsTable table;
    private final Popover settings;

    public FixedPointsView(FixedPointsViewModel vm, boolean dark) {
        setId("fixed-points-pane");
        getStyleClass().add("pane-view");
        String css = FixedPointsView.class.getResource("fixed-points.css").toExternalForm();
        getStylesheets().add(css);

        Button find = new Button("Find");
        find.setId("fp-find");
        find.getStyleClass().add("accent");
        Tips.set(find, "Search for fixed points of the network at the newest frame's step");
        find.setOnAction(e -> vm.find());
        find.disableProperty().bind(vm.canFindProperty().not());
        Button showSettings = new Button("Settings");
        showSettings.setId("fp-settings-button");
        Tips.set(showSettings, "Input, initial states, method, tolerances and automatic refresh");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("fp-busy");
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(vm.busyProperty());
        busy.managedProperty().bind(busy.visibleProperty());
        CheckBox continuous = new CheckBox("continuous time");
        continuous.setId("fp-continuous");
        Tips.set(continuous, "Show the rates (\u03bb - 1)/\u03b1 of the continuous-time network"
                + " instead of the eigenvalues \u03bb of the discrete map");
        continuous.selectedProperty().bindBidirectional(vm.continuousTimeProperty());
        continuous.visibleProperty().bind(vm.rateNetworkProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        for (var control : List.of(find, showSettings, continuous)) {
            control.setMinWidth(Region.USE_PREF_SIZE);
        }
        find.getStyleClass().add(Styles.SMALL);
        showSettings.getStyleClass().add(Styles.SMALL);
        HBox bar = new HBox(6, find, showSettings, busy, spacer, continuous);
        bar.getStyleClass().add("pane-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        Label status = new Label();
        status.setId("fp-status");
        status.setWrapText(true);
        status.getStyleClass().add("fp-status");
        status.textProperty().bind(vm.statusProperty());
        Label attractor = new Label();
        attractor.setId("fp-attractor");
        attractor.setWrapText(true);
        attractor.getStyleClass().add("fp-status");
        Tips.set(attractor, "Unit eigenvalues: the median over the points of the number of Jacobian"
                + " eigenvalues with |\u03bb - 1| < 0.05. Manifold: the principal components of the points that hold"
                + " 90% of their variance");
        attractor.textProperty().bind(vm.attractorProperty());
        attractor.visibleProperty().bind(vm.attractorProperty().isNotEmpty());
        attractor.managedProperty().bind(attractor.visibleProperty());
        Label error = errorLabel("fp-error", vm);

        SettingsForm form = new SettingsForm(vm.settings(), disposer);
        VBox settingsBox = new VBox(8, form, errorLabel("fp-settings-error", vm));
        settingsBox.setPadding(new Insets(4));
        settingsBox.setMaxWidth(380);
        settingsBox.getStylesheets().add(css);
        settings = new Popover(settingsBox);
        settings.setTitle("Fixed-point search");
        settings.setHeaderAlwaysVisible(true);
        settings.setDetachable(false);
        settings.setArrowLocation(Popover.ArrowLocation.TOP_LEFT);
        settings.setConsumeAutoHidingEvents(false);
        showSettings.setOnAction(e -> {
            if (settings.isShowing()) {
                settings.hide();
            } else {
                settings.show(showSettings);
            }
        });
        disposer.onDispose(() -> {
            find.disableProperty().unbind();
            busy.visibleProperty().unbind();
            busy.managedProperty().unbind();
            status.textProperty().unbind();
            attractor.textProperty().unbind();
            attractor.visibleProperty().unbind();
            attractor.managedProperty().unbind();
            settings.hide();
        });
        setTop(new VBox(bar, status, attractor, error));

        spectrum = new SpectrumChart(vm.selectedEigenvalues(), vm.allEigenvalues(), dark);
        disposer.onDispose(() -> {
            continuous.selectedProperty().unbindBidirectional(vm.continuousTimeProperty());
            continuous.visibleProperty().unbind();
        });
        disposer.invalidated(vm.continuousTimeProperty(), o -> spectrum.setContinuous(vm.showsContinuousTime()));
        disposer.invalidated(vm.rateNetworkProperty(), o -> spectrum.setContinuous(vm.showsContinuousTime()));
        disposer.onDispose(spectrum::dispose);
        org.attractorlab.app.charts.ChartHover hover = org.attractorlab.app.charts.ChartHover.install(
                spectrum.viewer(), at -> {
                    // the selected point's eigenvalues (dataset 0) are drawn over all points' (dataset 1)
                    for (int d = 0; d < 2; d++) {
                        int[] near = at.nearest(d, 8);
                        if (near != null) {
                            return vm.describeEigenvalue(d, near[1]);
                        }
                    }
                    return null;
                });
        disposer.onDispose(hover::dispose);

        table = new PointsTable(vm, disposer);
        SplitPane split = new SplitPane(spectrum.viewer(), table);
        split.setDividerPositions(0.55);
        // chart above the table in a tall pane, beside it in a wide one
        InvalidationListener orient = o -> split.setOrientation(getWidth() > 1.4 * getHeight()
                ? Orientation.HORIZONTAL : Orientation.VERTICAL);
        disposer.invalidated(widthProperty(), orient);
        disposer.invalidated(heightProperty(), orient);
        orient.invalidated(null);
        setCenter(split);
    }

    private Label errorLabel(String id, FixedPointsViewModel vm) {
        Label error = new Label();
        error.setId(id);
        error.setWrapText(true);
        error.getStyleClass().add("fp-error");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        disposer.onDispose(() -> {
            error.textProperty().unbind();
            error.visibleProperty().unbind();
            error.managedProperty().unbind();
        });
        return error;
    }

    /** The settings popover (shown by the Settings button). */
    public Popover settingsPopover() {
        return settings;
    }

    public JFreeChart spectrumChart() {
        return spectrum.chart();
    }

    public void dispose() {
        disposer.dispose();
    }
}
