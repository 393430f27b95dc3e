package org.attractorlab.app.sweep;

import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.attractorlab.app.fx.Themes;

/**
 * The window the Population tab opens for a clicked cell: an {@link AlignedPairView} of its two runs, big enough
 * for two 3D views. Shown again (not rebuilt) for every later cell; closed and disposed with the tab.
 */
final class AlignedPairWindow {
    private final Stage stage = new Stage();
    private final AlignedPairView view;
    private boolean owned;

    AlignedPairWindow(AlignedPairViewModel vm, boolean dark) {
        view = new AlignedPairView(vm, dark);
        Scene scene = new Scene(view, 1100, 620);
        scene.getStylesheets().add(AlignedPairWindow.class.getResource("/org/attractorlab/app/app.css")
                .toExternalForm());
        stage.setScene(scene);
        stage.setTitle("Aligned pair - Attractor Lab");
    }

    /** Shows the window, in front; the first time, owned by {@code owner} (may be null). */
    void show(Window owner) {
        if (stage.getOwner() == null && owner != null && !owned) {
            stage.initOwner(owner);
        }
        owned = true;
        if (!stage.isShowing()) {
            stage.show();
        }
        stage.toFront();
    }

    AlignedPairView view() {
        return view;
    }

    Stage stage() {
        return stage;
    }

    void setDark(boolean on) {
        Themes.retheme(view, on);
        view.setDark(on);
    }

    void dispose() {
        stage.close();
        view.dispose();
    }
}
