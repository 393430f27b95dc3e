package org.attractorlab.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.attractorlab.app.charts.Heatmap;
import org.attractorlab.app.session.TrainingService;
import org.attractorlab.core.config.Samples;

/**
 * Makes the README's screenshots of the real window (not a test): trains the flip-flop sample to the end, waits for
 * its fixed points, and saves the window in the light theme, in the dark theme, and with a fixed point and an RDM
 * cell selected. Run: {@code java -cp target/classes:target/test-classes:DEPS org.attractorlab.app.ReadmeScreenshots
 * assets/screenshots} under a display.
 */
public final class ReadmeScreenshots {
    private ReadmeScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "assets/screenshots");
        Files.createDirectories(out);
        Path sessions = Files.createTempDirectory("attractor-lab-screenshots");
        Platform.startup(() -> { });
        AppWindow[] w = new AppWindow[1];
        Scene scene = fx(() -> {
            w[0] = new AppWindow(Samples.load("flipflop-3bit"), false, sessions);
            Stage stage = new Stage();
            stage.setTitle("Attractor Lab");
            stage.setScene(w[0].createScene(1440, 900));
            stage.show();
            return stage.getScene();
        });
        AppWindow window = w[0];
        fx(() -> {
            window.session().train();
            return null;
        });
        waitFor(() -> window.session().phaseProperty().get() == TrainingService.Phase.FINISHED, 900);
        Thread.sleep(5000);
        fx(() -> {
            if (window.fixedPointsViewModel().resultProperty().get() == null) {
                ((javafx.scene.control.Button) scene.lookup("#fp-find")).fire();
            }
            return null;
        });
        waitFor(() -> window.fixedPointsViewModel().resultProperty().get() != null
                && !window.fixedPointsViewModel().busyProperty().get(), 300);
        Thread.sleep(3000);
        save(scene, out.resolve("app-flipflop-trained.png"));
        fx(() -> {
            window.setDark(true);
            return null;
        });
        Thread.sleep(1500);
        save(scene, out.resolve("app-flipflop-dark.png"));
        fx(() -> {
            window.setDark(false);
            window.fixedPointsViewModel().selectPoint(0);
            window.rsaViewModel().select(new Heatmap.Cell(2, 5));
            return null;
        });
        Thread.sleep(3000);
        save(scene, out.resolve("app-linked-selection.png"));
        fx(() -> {
            window.dispose();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void save(Scene scene, Path file) throws Exception {
        WritableImage img = fx(() -> scene.snapshot(null));
        javax.imageio.ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static void waitFor(BooleanSupplier condition, int seconds) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (!fx(condition::getAsBoolean)) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(200);
        }
    }

    private static <T> T fx(Supplier<T> work) throws Exception {
        CompletableFuture<T> f = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                f.complete(work.get());
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        });
        return f.get(60, TimeUnit.SECONDS);
    }
}
