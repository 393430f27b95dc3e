package org.attractorlab.app.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.attractorlab.core.config.Experiment;
import org.attractorlab.core.train.Trainer;
import org.attractorlab.core.train.TrainingStatus;

/**
 * Runs a {@link Trainer} on a background thread with start, pause, resume and stop. Every status goes into a
 * queue that the UI drains once per frame; every {@code snapshotEvery} steps (and at the end) a copy of the
 * parameters is kept as history and handed to a listener (the live analysis). Nothing here touches JavaFX.
 */
public final class TrainingService implements AutoCloseable {

    /** Where the service is. */
    public enum Phase {
        IDLE, RUNNING, PAUSED, FINISHED
    }

    /** The parameters at one step. */
    public record Snapshot(int step, float[] parameters) {
    }

    private final Experiment experiment;
    private final Trainer trainer;
    private final ExecutorService executor;
    private final ConcurrentLinkedQueue<TrainingStatus> statuses = new ConcurrentLinkedQueue<>();
    private final List<Snapshot> history = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition resumed = lock.newCondition();
    private volatile Phase phase = Phase.IDLE;
    private volatile boolean pauseRequested;
    private volatile boolean singleStep;
    private volatile int snapshotEvery;
    private volatile Consumer<Snapshot> onSnapshot = s -> { };
    private Future<?> running;

    /**
     * @param snapshotEvery keep a parameter snapshot every this many steps (>= 1)
     */
    public TrainingService(Experiment experiment, int snapshotEvery) {
        this(experiment, snapshotEvery, 0, List.of(new Snapshot(0, experiment.network().parameters().clone())));
    }

    /**
     * A service that continues a saved session: the experiment's network holds the parameters after
     * {@code startStep} steps, and {@code history} (oldest first, ending at {@code startStep}) is the history the
     * slider shows. Training resumes from {@code startStep}.
     */
    public TrainingService(Experiment experiment, int snapshotEvery, int startStep, List<Snapshot> history) {
        if (history.isEmpty()) {
            throw new IllegalArgumentException("a session's history needs at least one snapshot");
        }
        this.experiment = experiment;
        org.attractorlab.core.train.TrainingOptions options = leaveACore(experiment.config().training());
        this.trainer = new Trainer(experiment.task(), experiment.network(), options, experiment.config().seed(),
                startStep);
        setSnapshotEvery(snapshotEvery);
        int priority = trainingPriority(options.threads(), Runtime.getRuntime().availableProcessors());
        this.executor = org.attractorlab.app.fx.Workers.single("attractor-lab-training", priority);
        synchronized (this.history) {
            this.history.addAll(history);
        }
        if (trainer.lastStatus().state().finished()) {
            phase = Phase.FINISHED;
        }
    }

    /**
     * Priority of the training thread (effective on Linux with {@code -XX:ThreadPriorityPolicy=1}, which the launcher
     * passes). When training leaves a core free (the default), it comes first: it then never waits for drawing,
     * the X server, software OpenGL or the analyses, which share the free core, and the window stays responsive
     * because nothing of it needs the training cores. When training takes every core (an explicit
     * {@code training.threads}), it comes below the FX thread and the renderer, so that the window still answers.
     */
    static int trainingPriority(int threads, int cores) {
        return threads < cores ? Thread.MAX_PRIORITY : Thread.NORM_PRIORITY - 1;
    }

    /**
     * The app keeps one core free of training for drawing and the live analysis: with {@code threads = 0} (all
     * cores) it trains on all cores but one. An explicit thread count is kept.
     */
    static org.attractorlab.core.train.TrainingOptions leaveACore(org.attractorlab.core.train.TrainingOptions o) {
        if (o.threads() != 0) {
            return o;
        }
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
        return new org.attractorlab.core.train.TrainingOptions(o.batchSize(), o.steps(), o.learningRate(),
                o.optimizer(), o.momentum(), o.beta1(), o.beta2(), o.epsilon(), o.loss(), o.l1Weight(), o.l2Weight(),
                o.l2Rate(), o.clipNorm(), o.lrSchedule(), o.lrDecay(), o.lrDecaySteps(), o.targetLoss(),
                o.plateauPatience(), o.plateauMinDelta(), o.checkpointEvery(), o.validationEvery(), threads);
    }

    public Experiment experiment() {
        return experiment;
    }

    public Phase phase() {
        return phase;
    }

    public TrainingStatus lastStatus() {
        return trainer.lastStatus();
    }

    public void setSnapshotEvery(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("snapshot interval must be >= 1, got " + every);
        }
        this.snapshotEvery = every;
    }

    /** Called on the training thread with every new snapshot. */
    public void setSnapshotListener(Consumer<Snapshot> listener) {
        this.onSnapshot = listener == null ? s -> { } : listener;
    }

    /** Starts training, or resumes it when paused. */
    public synchronized void start() {
        if (phase == Phase.PAUSED) {
            resume();
            return;
        }
        if (phase != Phase.IDLE) {
            return;
        }
        phase = Phase.RUNNING;
        running = executor.submit(this::loop);
    }

    /** Runs exactly one training step when idle or paused (the service is then paused). */
    public synchronized void stepOnce() {
        if (phase == Phase.IDLE) {
            singleStep = true;
            pauseRequested = false;
            phase = Phase.RUNNING;
            running = executor.submit(this::loop);
            return;
        }
        if (phase == Phase.PAUSED) {
            singleStep = true;
            lock.lock();
            try {
                pauseRequested = false;
                resumed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** Pauses after the current step; the model stays explorable. */
    public void pause() {
        if (phase == Phase.RUNNING) {
            pauseRequested = true;
        }
    }

    public void resume() {
        lock.lock();
        try {
            pauseRequested = false;
            resumed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Stops after the current step; the network stays valid. */
    public void stop() {
        trainer.cancel();
        resume();
    }

    /**
     * Moves the status of every step trained since the last call into {@code sink}, one per step, in order; call
     * once per frame. A final status that trained nothing (a divergence, a stop while paused) is not among them:
     * once the phase is FINISHED, {@link #lastStatus()} holds it.
     */
    public int drainStatuses(Consumer<TrainingStatus> sink) {
        int n = 0;
        for (TrainingStatus s; (s = statuses.poll()) != null; n++) {
            sink.accept(s);
        }
        return n;
    }

    /** A copy of the history of parameter snapshots, oldest first. */
    public List<Snapshot> history() {
        synchronized (history) {
            return List.copyOf(history);
        }
    }

    /**
     * The training thread: {@link Trainer#train} runs the steps and reports each trained one; between steps, a pause
     * request parks the thread here, after a snapshot of the paused network.
     */
    private void loop() {
        TrainingStatus last = trainer.train(s -> {
            statuses.add(s);
            if (singleStep) {
                singleStep = false;
                pauseRequested = true;
            }
            if (s.step() % snapshotEvery == 0) {
                snapshot(s.step());
            }
        }, null, () -> {
            if (pauseRequested) {
                phase = Phase.PAUSED;
                snapshot(trainer.lastStatus().step());
                awaitResume();
                phase = Phase.RUNNING;
            }
            return false; // stop() cancels the trainer itself
        });
        snapshot(last.step());
        phase = Phase.FINISHED;
    }

    private void awaitResume() {
        lock.lock();
        try {
            while (pauseRequested) {
                resumed.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            trainer.cancel();
        } finally {
            lock.unlock();
        }
    }

    private void snapshot(int step) {
        Snapshot snap = new Snapshot(step, experiment.network().parameters().clone());
        synchronized (history) {
            if (!history.isEmpty() && history.get(history.size() - 1).step() == step) {
                history.set(history.size() - 1, snap);
            } else {
                history.add(snap);
            }
        }
        onSnapshot.accept(snap);
    }

    /** Waits up to {@code millis} for the training thread to finish (after {@link #stop()}). */
    public boolean awaitFinished(long millis) throws InterruptedException {
        long end = System.nanoTime() + millis * 1_000_000L;
        while (phase != Phase.FINISHED && phase != Phase.IDLE && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        return phase == Phase.FINISHED || phase == Phase.IDLE;
    }

    @Override
    public void close() {
        stop();
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
