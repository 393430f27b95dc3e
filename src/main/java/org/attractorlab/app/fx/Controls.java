package org.attractorlab.app.fx;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory;
import javafx.scene.layout.HBox;

/** Small controls the panes' bars share. FX thread only. */
public final class Controls {
    private Controls() {
    }

    /** Nodes side by side, vertically centred: a label with its control(s). */
    public static HBox row(Node... nodes) {
        HBox box = new HBox(4, nodes);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    /**
     * An editable spinner for an integer in [min, max], kept equal to {@code value} both ways, where max is
     * {@code bound + offset} and follows {@code bound} (or is {@code offset} itself when {@code bound} is null).
     * The listeners on {@code value} and {@code bound} are registered with {@code disposer}.
     */
    public static Spinner<Integer> spinner(Disposer disposer, String id, IntegerProperty value, int min,
                                           ReadOnlyIntegerProperty bound, int offset, double prefWidth) {
        int max = bound == null ? offset : bound.get() + offset;
        IntegerSpinnerValueFactory f = new IntegerSpinnerValueFactory(min, Math.max(min, max), value.get());
        Spinner<Integer> s = new Spinner<>(f);
        s.setId(id);
        s.setEditable(true);
        s.setPrefWidth(prefWidth);
        if (bound != null) {
            disposer.listen(bound, (o, a, b) -> f.setMax(Math.max(min, b.intValue() + offset)));
        }
        disposer.listen(value, (o, a, b) -> f.setValue(b.intValue()));
        f.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                value.set(b);
            }
        });
        return s;
    }
}
