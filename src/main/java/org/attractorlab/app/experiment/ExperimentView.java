package org.attractorlab.app.experiment;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;

/** The experiment panel: presets, then task, network, training and seed fields; every field validates as you type. */
public final class ExperimentView extends ScrollPane {
    private static final Map<String, String> TITLES = Map.of("task", "Task", "model", "Network",
            "training", "Training", "seed", "Seed");
    /** Sections in the panel from the start when the others are deferred: task and network fill its height. */
    private static final int SHOWN_FIRST = 2;
    private final ExperimentViewModel vm;
    private final Disposer disposer = new Disposer();
    private final VBox sections = new VBox(4);
    private Disposer fieldBindings = new Disposer();
    /** Sections built but not yet in the panel (see {@link #deferBelowTheFold}). */
    private final java.util.List<TitledPane> held = new java.util.ArrayList<>();
    private boolean holding;

    public ExperimentView(ExperimentViewModel vm) {
        this(vm, null);
    }

    /**
     * @param openData called with (states .npy, conditions .csv or null) when the user opens external data; null
     *                 hides the button
     */
    public ExperimentView(ExperimentViewModel vm, java.util.function.BiConsumer<java.nio.file.Path, java.nio.file.Path> openData) {
        this.vm = vm;
        setId("experiment-panel");
        setFitToWidth(true);
        ComboBox<String> presets = new ComboBox<>(vm.presets());
        presets.setId("preset");
        presets.setPromptText("Load a sample...");
        Tips.set(presets, "Replace the experiment with one of the bundled samples");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setOnAction(e -> {
            if (presets.getValue() != null) {
                vm.loadPreset(presets.getValue());
            }
        });
        Button apply = new Button("Apply & reset");
        apply.setId("apply-config");
        Tips.set(apply, "Discard the trained network and start over with the edited experiment");
        apply.disableProperty().bind(vm.pendingProperty().not().or(vm.errorProperty().isNotEmpty()));
        disposer.onDispose(() -> apply.disableProperty().unbind());
        // the sample chooser has the panel's width; the buttons a row of their own, never cut short
        apply.setMinWidth(Region.USE_PREF_SIZE);
        HBox buttons = new HBox(6, apply);
        if (openData != null) {
            Button open = new Button("Open data...");
            open.setId("open-data");
            Tips.set(open, "Analyse hidden states from elsewhere: a .npy of shape (trials, time, units) "
                    + "and optionally a conditions CSV with one row per trial");
            open.setOnAction(e -> chooseData(openData));
            open.setMinWidth(Region.USE_PREF_SIZE);
            buttons.getChildren().add(open);
        }
        VBox top = new VBox(6, presets, buttons);
        Label error = new Label();
        error.setId("config-error");
        error.setWrapText(true);
        error.getStyleClass().add("danger");
        error.textProperty().bind(vm.errorProperty());
        error.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        disposer.onDispose(() -> {
            error.textProperty().unbind();
            error.visibleProperty().unbind();
            error.managedProperty().unbind();
        });
        VBox content = new VBox(8, top, error, sections);
        content.setPadding(new Insets(8));
        setContent(content);
        ListChangeListener<ExperimentViewModel.Field> rebuild = c -> build();
        vm.fields().addListener(rebuild);
        disposer.onDispose(() -> vm.fields().removeListener(rebuild));
        build();
    }

    private void chooseData(java.util.function.BiConsumer<java.nio.file.Path, java.nio.file.Path> openData) {
        javafx.stage.FileChooser states = new javafx.stage.FileChooser();
        states.setTitle("Open hidden states (.npy: trials x time x units)");
        states.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("NumPy arrays", "*.npy"));
        java.io.File npy = states.showOpenDialog(getScene().getWindow());
        if (npy == null) {
            return;
        }
        javafx.stage.FileChooser csv = new javafx.stage.FileChooser();
        csv.setTitle("Conditions, one row per trial (cancel for none)");
        csv.setInitialDirectory(npy.getParentFile());
        csv.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("CSV tables", "*.csv"));
        java.io.File table = csv.showOpenDialog(getScene().getWindow());
        openData.accept(npy.toPath(), table == null ? null : table.toPath());
    }

    private void build() {
        fieldBindings.dispose();
        fieldBindings = new Disposer();
        Map<String, GridPane> grids = new LinkedHashMap<>();
        for (ExperimentViewModel.Field f : vm.fields()) {
            GridPane g = grids.computeIfAbsent(f.section(), s -> {
                GridPane p = new GridPane();
                p.setHgap(8);
                p.setVgap(4);
                return p;
            });
            Label label = new Label(f.label());
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Control control = control(f);
            String tip = f.key().key() + " (" + f.key().type() + ")"
                    + (f.key().description().isEmpty() ? "" : ": " + f.key().description());
            Tips.set(label, tip);
            Tips.set(control, tip);
            control.setId("field-" + f.key().key().replace('.', '-'));
            control.setMaxWidth(Double.MAX_VALUE);
            GridPane.setHgrow(control, Priority.ALWAYS);
            fieldBindings.listen(f.errorProperty(), (o, a, b) -> mark(control, !b.isEmpty()));
            g.addRow(g.getRowCount(), label, control);
        }
        sections.getChildren().clear();
        held.clear();
        grids.forEach((section, grid) -> {
            TitledPane t = new TitledPane(TITLES.getOrDefault(section, section), grid);
            t.setAnimated(false);
            if (holding && sections.getChildren().size() >= SHOWN_FIRST) {
                held.add(t);
            } else {
                sections.getChildren().add(t);
            }
        });
    }

    /**
     * Keeps the sections after the task and network ones (training, seed: below the panel's fold in a window of
     * the usual size) out of the panel until {@link #showDeferred()}, so that the first window neither styles nor
     * lays out their fields. The window calls it before it is shown, and {@link #showDeferred()} once its first
     * frame is on screen.
     */
    public void deferBelowTheFold() {
        holding = true;
        for (int i = sections.getChildren().size() - 1; i >= SHOWN_FIRST; i--) {
            held.add(0, (TitledPane) sections.getChildren().remove(i));
        }
    }

    /** The titles of the sections in the panel, in order. */
    public java.util.List<String> sectionTitles() {
        return sections.getChildren().stream().map(n -> ((TitledPane) n).getText()).toList();
    }

    /** Puts the deferred sections into the panel; later rebuilds (another sample) show every section at once. */
    public void showDeferred() {
        holding = false;
        sections.getChildren().addAll(held);
        held.clear();
    }

    private Control control(ExperimentViewModel.Field f) {
        if (!f.choices().isEmpty()) {
            // a ChoiceBox, not a ComboBox: a handful of nodes instead of about 30 each (its popup is a menu built
            // when opened), and the panel has a dozen of them that the first window lays out and styles
            ChoiceBox<String> box = new ChoiceBox<>();
            box.getItems().setAll(f.choices());
            box.setValue(f.textProperty().get());
            box.valueProperty().bindBidirectional(f.textProperty());
            fieldBindings.onDispose(() -> box.valueProperty().unbindBidirectional(f.textProperty()));
            return box;
        }
        TextField field = new TextField();
        field.textProperty().bindBidirectional(f.textProperty());
        fieldBindings.onDispose(() -> field.textProperty().unbindBidirectional(f.textProperty()));
        field.setPrefColumnCount(8);
        return field;
    }

    private static void mark(Control c, boolean bad) {
        c.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), bad);
        c.setStyle(bad ? "-fx-border-color: -color-danger-emphasis; -fx-border-width: 1.5;" : "");
    }

    public void dispose() {
        fieldBindings.dispose();
        disposer.dispose();
    }
}
