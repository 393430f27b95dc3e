package org.attractorlab.app.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.ref.WeakReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.scene.control.TabPane;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.cli.ReportFigures;
import org.attractorlab.core.config.Samples;
import org.attractorlab.core.reproduce.Report;
import org.attractorlab.core.reproduce.Reproduction;
import org.attractorlab.core.reproduce.Scale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A reproduction directory opened as a sweep: its sweep's window has a Report tab with the claims and figures. */
@ExtendWith(ApplicationExtension.class)
class ReportViewUiTest {
    @TempDir
    Path tmp;
    private AppWindow window;

    @Start
    void start(Stage stage) throws Exception {
        window = new AppWindow(Samples.load(Samples.NAMES.get(0)), false, Files.createTempDirectory("report-sessions"));
        stage.setScene(window.createScene(1000, 700));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReproductionOpensItsSweepWithAReportTabShowingEveryClaimAndFigureAndTheClosedViewIsCollected(
            FxRobot robot) throws Exception {
        Path dir = tmp.resolve("disentangle");
        Reproduction.run(Reproduction.Settings.local("disentangle", dir, Scale.TINY, 2), new ReportFigures(),
                line -> { }, new AtomicBoolean());
        WeakReference<ReportView> ref = exerciseAndClose(dir, Report.read(dir), robot);
        FxWait.collected(ref);
        assertNull(ref.get(), "the report view is still reachable after its window closed");
    }

    /** Opens the reproduction, checks its Report tab, closes the window and returns a weak reference to the tab's view. */
    private WeakReference<ReportView> exerciseAndClose(Path dir, Report report, FxRobot robot) throws Exception {
        FxWait.fx(() -> {
            window.openSweep(dir);
            return null;
        });
        FxWait.until("the sweep window", () -> FxWait.fx(() -> window.sweeps().windows().size() == 1));
        SweepWindow w = FxWait.fx(() -> window.sweeps().windows().get(0));
        assertTrue(FxWait.fx(() -> w.stage().getTitle().contains("sweeps/evidence")));
        ReportView view = FxWait.fx(w::reportView);
        TabPane tabs = (TabPane) robot.lookup("#sweep-tabs").query();
        // an evidence sweep also has its OOD tab; the report comes last
        assertEquals(List.of("Plot", "Population", "OOD vs tasks", "Report"), FxWait.fx(() -> tabs.getTabs()
                .stream().map(t -> t.getText()).toList()));
        robot.interact(() -> tabs.getSelectionModel().select(3));
        assertEquals(report.claims(), FxWait.fx(() -> List.copyOf(view.claims().getItems())));
        List<ImageView> images = FxWait.fx(view::images);
        assertEquals(report.figures().size(), images.size());
        FxWait.until("the figures", () -> FxWait.fx(() -> images.stream().allMatch(i -> i.getImage().getProgress()
                == 1 && !i.getImage().isError() && i.getImage().getWidth() > 0)));
        String shot = System.getProperty("attractorlab.reportShot");
        if (shot != null) { // the top of the tab (claims), then scrolled down to the figures
            for (double at : new double[]{0, 0.4}) {
                FxWait.fx(() -> {
                    view.setVvalue(at);
                    view.layout();
                    javax.imageio.ImageIO.write(javafx.embed.swing.SwingFXUtils.fromFXImage(
                            w.stage().getScene().snapshot(null), null), "png",
                            Path.of(shot.replace(".png", "-" + (int) (at * 100) + ".png")).toFile());
                    return null;
                });
            }
        }

        WeakReference<ReportView> ref = new WeakReference<>(view);
        FxWait.fx(() -> {
            w.close();
            return null;
        });
        assertEquals(0, (int) FxWait.fx(() -> window.sweeps().windows().size()));
        return ref;
    }
}
