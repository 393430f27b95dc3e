package org.attractorlab.app.panes;

import java.util.List;
import org.attractorlab.app.panes.angles.AnglesPane;
import org.attractorlab.app.panes.angles.AnglesViewModel;
import org.attractorlab.app.panes.behaviour.BehaviourPane;
import org.attractorlab.app.panes.behaviour.BehaviourViewModel;
import org.attractorlab.app.panes.decoding.DecodingPane;
import org.attractorlab.app.panes.decoding.DecodingViewModel;
import org.attractorlab.app.panes.fixedpoints.FixedPointsPane;
import org.attractorlab.app.panes.fixedpoints.FixedPointsViewModel;
import org.attractorlab.app.panes.loss.LossPane;
import org.attractorlab.app.panes.loss.LossViewModel;
import org.attractorlab.app.panes.pca3d.Pca3dPane;
import org.attractorlab.app.panes.pca3d.Pca3dViewModel;
import org.attractorlab.app.panes.rsa.RsaPane;
import org.attractorlab.app.panes.rsa.RsaViewModel;

/**
 * The window's panes, each built by its factory; {@link #all()} lists them in the order the window places, saves
 * and disposes them. Adding a pane means adding its factory, a component here and an entry in {@link #all()}.
 */
public record Panes(Pane<LossViewModel> loss, Pane<FixedPointsViewModel> fixedPoints, Pane<Pca3dViewModel> pca3d,
                    Pane<RsaViewModel> rsa, Pane<AnglesViewModel> angles, Pane<BehaviourViewModel> behaviour,
                    Pane<DecodingViewModel> decoding) {

    /** Builds every pane, and draws the fixed points found over the 3D pane's trajectories. */
    public static Panes create(PaneContext context) {
        Panes p = new Panes(traced("loss", LossPane.create(context)),
                traced("fixed-points", FixedPointsPane.create(context)), traced("pca3d", Pca3dPane.create(context)),
                traced("rsa", RsaPane.create(context)), traced("angles", AnglesPane.create(context)),
                traced("behaviour", BehaviourPane.create(context)), traced("decoding", DecodingPane.create(context)));
        Pca3dPane.showFixedPoints(p.pca3d().viewModel(), p.fixedPoints().viewModel());
        return p;
    }

    private static <M> Pane<M> traced(String name, Pane<M> pane) {
        org.attractorlab.app.fx.StartupTrace.mark("    pane " + name);
        return pane;
    }

    /** Every pane, in the order the window places, saves and disposes them. */
    public List<Pane<?>> all() {
        return List.of(loss, fixedPoints, pca3d, rsa, angles, behaviour, decoding);
    }
}
