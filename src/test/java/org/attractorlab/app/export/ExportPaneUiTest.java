package org.attractorlab.app.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.attractorlab.app.AppWindow;
import org.attractorlab.app.FxWait;
import org.attractorlab.core.config.ConfigLoader;
import org.attractorlab.core.config.Samples;
import org.attractorlab.figure.FigureFormat;
import org.attractorlab.figure.FigureSize;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.w3c.dom.Document;

@ExtendWith(ApplicationExtension.class)
class ExportPaneUiTest {
    @TempDir
    Path dir;
    private AppWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path sessions = Files.createTempDirectory("attractor-lab-sessions");
        window = new AppWindow(ConfigLoader.standard().parse(Samples.json("flipflop-3bit"),
                List.of("model.hidden_size=16", "training.steps=150", "training.batch_size=16")), false, sessions);
        stage.setScene(window.createScene(1280, 800));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        WaitForAsyncUtils.asyncFx(window::dispose).get(10, TimeUnit.SECONDS);
    }

    /** A chooser that answers with {@code file} at once and remembers what it was asked. */
    private AtomicReference<String> answer(Path file, FigureFormat format, int dpi) {
        AtomicReference<String> asked = new AtomicReference<>();
        window.exports().chooserProperty().set((pane, suggested, owner) -> {
            asked.set(pane + " " + (int) suggested.width() + "x" + (int) suggested.height() + " " + suggested.dpi());
            return Optional.of(new ExportRequest(file, format, new FigureSize(420, 300, dpi)));
        });
        return asked;
    }

    @Test
    void clickingARdmPanesExportWritesAnSvgOfTheRdmAfterTraining(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().train());
        FxWait.until("an RDM", () -> window.rsaViewModel().shownProperty().get() != null);
        Path file = dir.resolve("rdm.svg");
        AtomicReference<String> asked = answer(file, FigureFormat.SVG, 300);
        robot.clickOn("#export-rsa");
        FxWait.until("the file", () -> Files.exists(file) && file.equals(window.exports().writtenProperty().get()));
        assertTrue(asked.get().startsWith("rsa "), asked.get());
        assertTrue(asked.get().endsWith(" 300"), "default dpi 300: " + asked.get());
        Document doc = org.attractorlab.figure.PdfText.xml().parse(file.toFile());
        String text = doc.getDocumentElement().getTextContent();
        assertTrue(text.contains("RDM, training step"), text);
        assertTrue(text.contains("bit0, bit1, bit2"), "axis title: " + text);
        assertTrue(doc.getElementsByTagName("rect").getLength() + doc.getElementsByTagName("path").getLength() > 64,
                "the 8 x 8 cells");
    }

    @Test
    void ctrlEExportsThePaneLastClickedAndThe3dPaneGivesAHighResolutionPng(FxRobot robot) throws Exception {
        robot.interact(() -> window.session().train());
        FxWait.until("trajectories", () -> window.analysis().frameProperty().get() != null);
        // the trajectories in the 3D scene, laid out and rendered
        FxWait.until("the 3D scene", () -> window.pca3dViewModel().sceneProperty().get() != null);
        FxWait.pulses(3);
        Path file = dir.resolve("pca3d.png");
        AtomicReference<String> asked = answer(file, FigureFormat.PNG, 144);
        robot.clickOn("#pca3d-caption");
        robot.clickOn("#pca3d-subscene");
        assertEquals("pca3d", window.exports().lastPaneProperty().get());
        robot.press(KeyCode.CONTROL).press(KeyCode.E).release(KeyCode.E).release(KeyCode.CONTROL);
        FxWait.until("the file", () -> Files.exists(file) && file.equals(window.exports().writtenProperty().get()));
        assertTrue(asked.get().startsWith("pca3d "), asked.get());
        BufferedImage img = ImageIO.read(file.toFile());
        assertEquals(840, img.getWidth(), "420 pt at 144 dpi");
        assertEquals(600, img.getHeight());
        int bg = img.getRGB(img.getWidth() - 2, 2);
        long coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int c = img.getRGB(x, y);
                int r = c >> 16 & 255;
                int g = c >> 8 & 255;
                int b = c & 255;
                if (c != bg && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
                    coloured++;
                }
            }
        }
        assertTrue(coloured > 2000, "coloured trajectory pixels from the snapshot: " + coloured);
    }
}
