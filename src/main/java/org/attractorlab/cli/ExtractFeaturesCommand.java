package org.attractorlab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.attractorlab.sensory.cnn.ExtractionReport;
import org.attractorlab.sensory.cnn.SensoryException;
import org.attractorlab.sensory.cnn.SensoryFrontEnd;
import org.attractorlab.sensory.cnn.StimulusSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the stimuli through a user's pretrained CNN and writes one layer's activations as features. */
@Command(name = "extract-features", mixinStandardHelpOptions = true,
        description = "Run every stimulus through a pretrained network (a DL4J model .zip, or Keras HDF5 .h5 imported "
                + "by DL4J) and write the activations of --layer, flattened, as features.npy (rows as in "
                + "stimuli.csv), with a copy of stimuli.csv and sensory.json. Without --layer (or with a wrong "
                + "one) it lists the model's layers.")
public final class ExtractFeaturesCommand implements Callable<Integer> {
    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "DL4J model zip or Keras .h5 file")
    Path model;

    @Option(names = "--layer", paramLabel = "NAME", description = "the layer whose activations become the features")
    String layer;

    @Option(names = "--stimuli", paramLabel = "DIR", description = "stimulus directory (images + stimuli.csv)")
    Path stimuli;

    @Option(names = "--out", paramLabel = "DIR", description = "output directory")
    Path out;

    @Option(names = "--input-layout", paramLabel = "L", description = "nchw or nhwc (default: nchw for DL4J, nhwc for Keras)")
    String inputLayout;

    @Option(names = "--pixel-scale", defaultValue = "1", paramLabel = "S", description = "value of a full-intensity pixel: 1 for [0,1] inputs, 255 for [0,255] (default: ${DEFAULT-VALUE})")
    double pixelScale;

    @Option(names = "--force", description = "overwrite the outputs in an existing --out directory")
    boolean force;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Override
    public Integer call() throws IOException {
        PrintWriter w = spec.commandLine().getOut();
        if (!(pixelScale > 0) || !Double.isFinite(pixelScale)) {
            throw new Cli.UserError("--pixel-scale must be > 0, got " + pixelScale);
        }
        if (inputLayout != null && !inputLayout.equals("nchw") && !inputLayout.equals("nhwc")) {
            throw new Cli.UserError("--input-layout must be nchw or nhwc, got '" + inputLayout + "'");
        }
        try {
            if (layer == null) {
                w.println("Layers of " + model + " (choose one with --layer NAME):");
                SensoryFrontEnd.layers(model).forEach(l -> w.println("  " + l));
                spec.commandLine().getErr().println("error: --layer is missing; pick one of the layers listed above");
                return 2;
            }
            if (stimuli == null || out == null) {
                throw new Cli.UserError("--stimuli and --out are required with --layer");
            }
            StimulusSet set = SensoryCommands.open(stimuli);
            ExtractionReport r;
            try (SensoryCommands.LazyBar bar = new SensoryCommands.LazyBar(quiet, "extract-features", " images")) {
                r = SensoryFrontEnd.extract(model, layer, set, inputLayout, pixelScale, out, force, bar);
            }
            w.printf(Locale.ROOT, "Features of layer '%s' (%s): %d images x %d features in %.1f s.%nWrote %s%n",
                    r.layer(), r.format(), r.images(), r.featureSize(), r.seconds(), out);
            return 0;
        } catch (SensoryException | NoSuchFileException e) {
            throw new Cli.UserError(e.getMessage(), e);
        }
    }
}
