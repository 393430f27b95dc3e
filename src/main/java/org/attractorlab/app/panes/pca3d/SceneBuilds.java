package org.attractorlab.app.panes.pca3d;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.attractorlab.app.fx.LatestJob;
import org.attractorlab.app.fx.WorkMeter;

/**
 * Builds trajectory scenes off the FX thread where only the newest request matters: a request still waiting is
 * replaced by a newer one, and each built scene is handed to the consumer through the FX executor (several built
 * before the FX thread takes one arrive as the newest). Requests may come from any thread. A thread of its own
 * builds the first scene at normal priority and the later ones at {@link LatestJob#ANALYSIS_PRIORITY}.
 */
final class SceneBuilds {
    private final Executor background;
    private final Executor fx;
    private final ExecutorService owned;
    private final Consumer<TrajectoryScene> onBuilt;
    private final AtomicReference<TrajectoryScene.Request> pending = new AtomicReference<>();
    private final AtomicBoolean building = new AtomicBoolean();
    private final AtomicReference<TrajectoryScene> built = new AtomicReference<>();
    private final AtomicBoolean posted = new AtomicBoolean();
    private volatile boolean disposed;

    /**
     * @param background where scenes are built; null = a thread of this object's own, stopped by {@link #dispose}
     * @param fx         where built scenes are handed to the FX thread
     * @param onBuilt    takes each built scene, on the FX executor
     */
    SceneBuilds(Executor background, Executor fx, Consumer<TrajectoryScene> onBuilt) {
        this.fx = fx;
        this.onBuilt = onBuilt;
        if (background == null) {
            // the first scene (the window's first frame waits for it) at normal priority, then lower: see build()
            owned = org.attractorlab.app.fx.Workers.single("attractor-lab-pca3d", Thread.NORM_PRIORITY);
            this.background = owned;
        } else {
            owned = null;
            this.background = background;
        }
    }

    /** Asks for a scene; replaces a request that has not started yet. */
    void request(TrajectoryScene.Request r) {
        if (disposed) {
            return;
        }
        pending.set(r);
        if (building.compareAndSet(false, true)) {
            schedule();
        }
    }

    private void schedule() {
        try {
            background.execute(this::build);
        } catch (RejectedExecutionException e) {
            // disposed meanwhile: the executor is shut down and nobody waits for the mesh
            building.set(false);
        }
    }

    private void build() {
        try {
            TrajectoryScene.Request r;
            while ((r = pending.getAndSet(null)) != null && !disposed) {
                long t0 = WorkMeter.start();
                built.set(TrajectoryScene.build(r));
                WorkMeter.since("3d mesh", t0);
                if (posted.compareAndSet(false, true)) {
                    fx.execute(this::deliver);
                }
            }
        } finally {
            if (owned != null) {
                Thread.currentThread().setPriority(LatestJob.ANALYSIS_PRIORITY);
            }
            building.set(false);
            if (pending.get() != null && !disposed && building.compareAndSet(false, true)) {
                schedule();
            }
        }
    }

    private void deliver() {
        posted.set(false);
        TrajectoryScene s = built.getAndSet(null);
        if (s != null && !disposed) {
            onBuilt.accept(s);
        }
    }

    /** Stops building and delivering; stops the own thread, if any. */
    void dispose() {
        disposed = true;
        if (owned != null) {
            owned.shutdownNow();
        }
    }
}
