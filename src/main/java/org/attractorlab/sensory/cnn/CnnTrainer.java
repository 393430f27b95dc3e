package org.attractorlab.sensory.cnn;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** Trains {@link SensoryCnn} on a stimulus set with held-out views and measures each head. */
final class CnnTrainer {
    private final StimulusSet set;
    private final StimulusSet.Images images;
    private final SensoryOptions options;
    private final int[] classes;
    private final int[][] labels; // [head][image]
    private final int[] train;
    private final int[] heldOut;

    CnnTrainer(StimulusSet set, StimulusSet.Images images, SensoryOptions options) {
        this.set = set;
        this.images = images;
        this.options = options;
        this.classes = new int[]{set.categories(), set.categories() * set.identities(), set.locations()};
        int n = set.size();
        labels = new int[3][n];
        List<Integer> tr = new ArrayList<>();
        List<Integer> ho = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Stimulus s = set.stimuli().get(i);
            labels[0][i] = s.category();
            labels[1][i] = set.globalIdentity(s);
            labels[2][i] = s.location();
            (options.isHeldOut(s.view()) ? ho : tr).add(i);
        }
        if (ho.isEmpty()) {
            throw new SensoryException(set.index() + ": no stimulus has a held-out view (held out: "
                    + (options.heldOutViews().isEmpty() ? "views 2, 6, 10, ..." : options.heldOutViews())
                    + "; views present: " + set.viewValues() + "); validation needs held-out views");
        }
        if (tr.isEmpty()) {
            throw new SensoryException(set.index() + ": every view is held out (" + set.viewValues()
                    + "); nothing is left to train on");
        }
        train = tr.stream().mapToInt(Integer::intValue).toArray();
        heldOut = ho.stream().mapToInt(Integer::intValue).toArray();
    }

    int[] classes() {
        return classes;
    }

    int trainCount() {
        return train.length;
    }

    int heldOutCount() {
        return heldOut.length;
    }

    /** Builds and trains the network; reports after each epoch with the training accuracy of each head. */
    ComputationGraph train(Progress progress) {
        Nd4j.getRandom().setSeed(options.seed());
        ComputationGraph g = SensoryCnn.build(images.height(), images.width(), classes, options);
        Random order = new Random(options.seed());
        int[] idx = train.clone();
        for (int e = 0; e < options.epochs(); e++) {
            shuffle(idx, order);
            for (int b = 0; b < idx.length; b += options.batchSize()) {
                int m = Math.min(options.batchSize(), idx.length - b);
                int[] batch = java.util.Arrays.copyOfRange(idx, b, b + m);
                INDArray[] y = new INDArray[3];
                for (int h = 0; h < 3; h++) {
                    y[h] = oneHot(batch, labels[h], classes[h]);
                }
                g.fit(new MultiDataSet(new INDArray[]{input(batch)}, y));
            }
            progress.step(e + 1, options.epochs(), String.format(Locale.ROOT, "loss %.3f", g.score()));
        }
        return g;
    }

    /** Accuracy of each head on the training and held-out images: {@code [head][0 train, 1 held-out]}. */
    double[][] accuracy(ComputationGraph g) {
        double[][] acc = new double[3][2];
        int[][] split = {train, heldOut};
        for (int s = 0; s < 2; s++) {
            int[] correct = new int[3];
            int[] rows = split[s];
            for (int b = 0; b < rows.length; b += 64) {
                int[] batch = java.util.Arrays.copyOfRange(rows, b, Math.min(rows.length, b + 64));
                INDArray[] out = g.output(false, input(batch));
                for (int h = 0; h < 3; h++) {
                    int[] pred = out[h].argMax(1).toIntVector();
                    for (int i = 0; i < batch.length; i++) {
                        if (pred[i] == labels[h][batch[i]]) {
                            correct[h]++;
                        }
                    }
                }
            }
            for (int h = 0; h < 3; h++) {
                acc[h][s] = correct[h] / (double) rows.length;
            }
        }
        return acc;
    }

    /** The images of {@code rows} as an NCHW float array. */
    INDArray input(int[] rows) {
        int per = images.channels() * images.height() * images.width();
        float[] x = new float[rows.length * per];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(images.data(), rows[i] * per, x, i * per, per);
        }
        return Nd4j.create(x, new long[]{rows.length, images.channels(), images.height(), images.width()}, 'c');
    }

    private static INDArray oneHot(int[] rows, int[] label, int k) {
        INDArray y = Nd4j.zeros(DataType.FLOAT, rows.length, k);
        for (int i = 0; i < rows.length; i++) {
            y.putScalar(i, label[rows[i]], 1f);
        }
        return y;
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    StimulusSet set() {
        return set;
    }
}
