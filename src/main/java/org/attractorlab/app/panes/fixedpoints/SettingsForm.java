package org.attractorlab.app.panes.fixedpoints;

import java.util.Objects;
import java.util.function.IntUnaryOperator;
import java.util.regex.Pattern;
import javafx.beans.property.Property;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.DefaultStringConverter;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.fx.Tips;
import org.attractorlab.core.analysis.fixedpoint.FixedPointOptions.Method;

/** The search settings as a form of labelled fields; every field edits the settings' text. */
final class SettingsForm extends GridPane {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d{1,9}");

    SettingsForm(SearchSettings s, Disposer disposer) {
        setHgap(8);
        setVgap(6);
        setId("fp-settings");
        getStyleClass().add("fp-settings");

        ComboBox<SearchSettings.InputMode> mode = new ComboBox<>();
        mode.getItems().setAll(SearchSettings.InputMode.values());
        mode.setId("fp-input-mode");
        bind(mode.valueProperty(), s.inputModeProperty(), disposer);
        TextField trial = text("fp-probe-trial", s.probeTrialProperty(), 3, disposer);
        TextField step = text("fp-probe-step", s.probeStepProperty(), 3, disposer);
        TextField values = text("fp-input-values", s.inputValuesProperty(), 9, disposer);
        values.setPromptText("e.g. 0, 1, 0");
        HBox probe = row("trial", trial, "step", step);
        disposer.listen(s.inputModeProperty(), (o, a, m) -> show(m, probe, values));
        show(s.inputModeProperty().get(), probe, values);
        VBox input = new VBox(4, mode, probe, values);

        Spinner<String> states = spinner("fp-initial-states", s.initialStatesProperty(), v -> v * 2,
                v -> Math.max(1, v / 2), disposer);
        ComboBox<Method> method = new ComboBox<>();
        method.setId("fp-method");
        method.getItems().setAll(Method.values());
        method.setConverter(new StringConverter<>() {
            @Override
            public String toString(Method m) {
                return m == null ? "" : m == Method.ADAM ? "Adam" : "Levenberg-Marquardt";
            }

            @Override
            public Method fromString(String text) {
                return "Adam".equals(text) ? Method.ADAM : Method.LEVENBERG_MARQUARDT;
            }
        });
        bind(method.valueProperty(), s.methodProperty(), disposer);
        javafx.scene.control.CheckBox atEnd = new javafx.scene.control.CheckBox("search when training ends");
        atEnd.setId("fp-at-end");
        atEnd.selectedProperty().bindBidirectional(s.atEndProperty());
        disposer.onDispose(() -> atEnd.selectedProperty().unbindBidirectional(s.atEndProperty()));
        Spinner<String> refresh = spinner("fp-refresh", s.refreshEveryProperty(), v -> v + 25,
                v -> Math.max(0, v - 25), disposer);

        java.util.List.of(
                field("Input u*", "The constant input at which the map h -> F(h, u*) is searched for fixed points:"
                        + " zero, the input of a probe trial at one step, or values you type", input),
                field("Initial states", "How many initial states are drawn from the frame's hidden states"
                        + " (arrows halve or double)", states),
                field("Noise std", "Standard deviation of the Gaussian noise added to every initial state",
                        text("fp-noise", s.initialNoiseProperty(), 4, disposer)),
                field("Method", "How q is minimised: Levenberg-Marquardt (fast) or Adam (for comparison)", method),
                field("tol q", "Points with q below this are fixed points",
                        text("fp-tol-q", s.tolQProperty(), 5, disposer)),
                field("slow-point q", "Points with tol q <= q below this are kept as slow points",
                        text("fp-slow-q", s.slowQProperty(), 5, disposer)),
                field("Refresh every", "Search again on the newest frame every this many training steps;"
                        + " 0 = only when you press Find (and at the end, below)", refresh, new Label("steps")),
                field("At the end", "Search on the last frame when training ends, and on a finished session when"
                        + " it opens, so that the attractors appear without pressing Find", atEnd))
                .forEach(row -> addRow(getRowCount(), row));
    }

    private static void show(SearchSettings.InputMode m, Node probe, Node values) {
        probe.setVisible(m == SearchSettings.InputMode.PROBE);
        probe.setManaged(probe.isVisible());
        values.setVisible(m == SearchSettings.InputMode.CUSTOM);
        values.setManaged(values.isVisible());
    }

    /** A label and its controls, the two cells of a form row. */
    private static Node[] field(String label, String tip, Node... controls) {
        Label l = new Label(label);
        Tips.set(l, tip);
        l.setMinWidth(Region.USE_PREF_SIZE);
        HBox box = new HBox(6, controls);
        box.setAlignment(Pos.CENTER_LEFT);
        for (Node c : controls) {
            if (c instanceof Control control) {
                Tips.set(control, tip);
            }
        }
        return new Node[]{l, box};
    }

    private static HBox row(String a, Node first, String b, Node second) {
        HBox box = new HBox(4, new Label(a), first, new Label(b), second);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static <T> void bind(Property<T> control, Property<T> model, Disposer disposer) {
        control.setValue(model.getValue());
        control.bindBidirectional(model);
        disposer.onDispose(() -> control.unbindBidirectional(model));
    }

    private static TextField text(String id, StringProperty model, int columns, Disposer disposer) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount(columns);
        bind(f.textProperty(), model, disposer);
        return f;
    }

    /**
     * An editable spinner over the text of a whole-number setting: typing edits the text as is (a bad value stays
     * and is reported by the settings), the arrows step a valid value with {@code up} / {@code down}.
     */
    static Spinner<String> spinner(String id, StringProperty model, IntUnaryOperator up, IntUnaryOperator down,
                                   Disposer disposer) {
        Spinner<String> spinner = new Spinner<>();
        spinner.setId(id);
        SpinnerValueFactory<String> factory = new SpinnerValueFactory<>() {
            @Override
            public void decrement(int steps) {
                step(steps, down);
            }

            @Override
            public void increment(int steps) {
                step(steps, up);
            }

            private void step(int steps, IntUnaryOperator op) {
                String t = model.get() == null ? "" : model.get().trim();
                if (WHOLE.matcher(t).matches()) {
                    int v = Integer.parseInt(t);
                    for (int i = 0; i < steps; i++) {
                        v = op.applyAsInt(v);
                    }
                    setValue(Integer.toString(v));
                }
            }
        };
        factory.setConverter(new DefaultStringConverter());
        factory.setValue(model.get());
        spinner.setValueFactory(factory);
        spinner.setEditable(true);
        spinner.setPrefWidth(96);
        disposer.listen(spinner.getEditor().textProperty(), (o, a, b) -> model.set(b));
        disposer.listen(factory.valueProperty(), (o, a, b) -> {
            if (b != null) {
                model.set(b);
            }
        });
        disposer.listen(model, (o, a, b) -> {
            if (!Objects.equals(b, spinner.getEditor().getText())) {
                factory.setValue(b);
            }
        });
        return spinner;
    }
}
