package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.attractorlab.sensory.render.RenderException;
import org.attractorlab.sensory.render.RenderOptions;
import org.attractorlab.sensory.render.ShapeFamily;
import org.attractorlab.sensory.render.StimulusDirectoryException;
import org.attractorlab.sensory.render.StimulusSetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Renders the object stimuli of the N-back tasks into a directory of PNG images with an index. */
@Command(name = "render-stimuli", mixinStandardHelpOptions = true,
        description = "Render the 3D object stimuli (categories x identities x 4 quadrants x views) into DIR: one PNG "
                + "per image, stimuli.csv (file,category,identity,location,view,...), categories.csv, render.json. "
                + "The defaults re-create assets/stimuli/ byte for byte. Needs a display with OpenGL (under Xvfb: "
                + "xvfb-run ./attractor-lab render-stimuli ...).")
public final class RenderStimuliCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "directory to write")
    Path out;

    @Option(names = "--size", paramLabel = "N", description = "image width and height in pixels, 64..512 (default: ${DEFAULT-VALUE})")
    int size = RenderOptions.DEFAULT_SIZE;

    @Option(names = "--views", paramLabel = "N", description = "viewing angles per object, 1..64 (default: ${DEFAULT-VALUE})")
    int views = RenderOptions.DEFAULT_VIEWS;

    @Option(names = "--categories", paramLabel = "N", description = "shape families, 1..10 (default: ${DEFAULT-VALUE})")
    int categories = RenderOptions.DEFAULT_CATEGORIES;

    @Option(names = "--identities", paramLabel = "N", description = "objects per family, 1..4 (default: ${DEFAULT-VALUE})")
    int identities = RenderOptions.DEFAULT_IDENTITIES;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the viewing-angle jitter (default: ${DEFAULT-VALUE})")
    long seed = RenderOptions.DEFAULT_SEED;

    @Option(names = "--supersample", paramLabel = "F", description = "anti-aliasing: render F times larger and average, 1..4 (default: ${DEFAULT-VALUE})")
    int supersample = RenderOptions.DEFAULT_SUPERSAMPLE;

    @Option(names = "--force", description = "write into a non-empty DIR, replacing the stimulus files a render writes (and only those)")
    boolean force;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        RenderOptions options = new RenderOptions(size, categories, identities, views, seed, supersample);
        o.printf(Locale.ROOT, "Rendering %d images (%d categories x %d identities x %d locations x %d views) at %d x %d%n",
                options.imageCount(), categories, identities, RenderOptions.LOCATIONS, views, size, size);
        o.flush();
        StimulusSetWriter.Summary summary;
        try (ProgressBar bar = quiet ? null : new ProgressBarBuilder().setTaskName("render")
                .setInitialMax(options.imageCount()).setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250)
                .setUnit(" images", 1).setConsumer(new ConsoleProgressBarConsumer(new PrintStream(System.err, true)))
                .build()) {
            summary = StimulusSetWriter.write(out, options, force, (done, total) -> {
                if (bar != null) {
                    bar.stepTo(done);
                }
            });
        } catch (StimulusDirectoryException | RenderException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
        o.printf(Locale.ROOT, "Wrote %d images (%.1f MB) and stimuli.csv to %s in %.1f s (families: %s)%n",
                summary.images(), summary.bytes() / 1e6, summary.dir(), summary.seconds(), familyNames(categories));
        return 0;
    }

    private static String familyNames(int n) {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < n; c++) {
            sb.append(c == 0 ? "" : ", ").append(ShapeFamily.of(c).label());
        }
        return sb.toString();
    }
}
