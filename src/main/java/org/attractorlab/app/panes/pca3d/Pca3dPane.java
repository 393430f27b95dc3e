package org.attractorlab.app.panes.pca3d;

import org.attractorlab.app.panes.Pane;
import org.attractorlab.app.panes.PaneContext;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;

/** The 3D pane: the trajectories in the first three principal components, with the fixed points found. */
public final class Pca3dPane {
    private Pca3dPane() {
    }

    /** Builds the pane's view model and view from the window's shared context. */
    public static Pane<Pca3dViewModel> create(PaneContext c) {
        Pca3dViewModel vm = new Pca3dViewModel(c.analysis(), c.selection(), c.drain());
        Pca3dView view = new Pca3dView(vm, c.dark());
        return Pane.of("pca3d", view, vm, view::dispose, vm::dispose)
                .figure(view::figure, () -> {
                    double[] scene = view.sceneSize();
                    // the figure adds a title band above the scene
                    return new double[]{scene[0], scene[1] + 40};
                })
                .settings(r -> r.bool("pca3d", "selected_only", vm.selectedOnlyProperty())
                        .integer("pca3d", "limit", vm.limitProperty()))
                // the 3D scene is drawn by JavaFX 3D, which neither the stylesheet nor the chart walk reaches
                .onTheme(view::setDark);
    }

    /** Draws the fixed points found in their pane over the trajectories, and takes them away when none are. */
    public static void showFixedPoints(Pca3dViewModel vm, FixedPointsViewModel fixedPoints) {
        vm.followFixedPoints(fixedPoints.overlayProperty(), (o, a, ov) -> {
            if (ov != null && ov.count() > 0) {
                vm.setFixedPoints(ov.projected(), ov.stable(), ov.segments());
            } else if (a != null && a.count() > 0) {
                vm.setFixedPoints(null, null, null);
            }
        });
    }
}
