package org.attractorlab.app.sweep;

import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import org.attractorlab.app.fx.Disposer;
import org.attractorlab.app.panes.pca3d.TrajectoryView3d;

/**
 * The clicked pair of the Population tab: a caption line (the cell's distance and the alignment's residual) over two
 * 3D views side by side, run A on its own PCs and run B aligned to them, coloured alike and seen through one camera.
 * Binds to an {@link AlignedPairViewModel}.
 */
public final class AlignedPairView extends BorderPane {
    private final Disposer disposer = new Disposer();
    private final AlignedPairViewModel vm;
    private final TrajectoryView3d left;
    private final TrajectoryView3d right;

    public AlignedPairView(AlignedPairViewModel vm, boolean dark) {
        this.vm = vm;
        setId("aligned-pair");
        Label caption = new Label();
        caption.setId("aligned-pair-caption");
        caption.setWrapText(true);
        caption.getStyleClass().add("pane-toolbar");
        caption.setMaxWidth(Double.MAX_VALUE);
        caption.textProperty().bind(vm.messageProperty());
        disposer.onDispose(() -> caption.textProperty().unbind());
        left = new TrajectoryView3d(dark, "run A");
        left.setId("aligned-pair-a");
        right = new TrajectoryView3d(dark, "run B, aligned to A");
        right.setId("aligned-pair-b");
        left.linkCamera(right);
        SplitPane sides = new SplitPane(left, right);
        sides.setDividerPositions(0.5);
        setTop(caption);
        setCenter(sides);
        setMinSize(0, 0);
        disposer.listen(vm.shownProperty(), (o, was, now) -> show(now));
        show(vm.shownProperty().get());
    }

    private void show(AlignedPairViewModel.Shown s) {
        left.show(s == null ? null : s.a());
        right.show(s == null ? null : s.b());
        left.setTitle(s == null ? "" : s.titleA());
        right.setTitle(s == null ? "" : s.titleB());
    }

    public TrajectoryView3d left() {
        return left;
    }

    public TrajectoryView3d right() {
        return right;
    }

    public void setDark(boolean dark) {
        left.setDark(dark);
        right.setDark(dark);
    }

    public void dispose() {
        disposer.dispose();
        left.dispose();
        right.dispose();
    }
}
