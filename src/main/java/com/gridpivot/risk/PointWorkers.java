package com.gridpivot.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the points of a sweep over worker threads in contiguous runs (point k of n goes to worker ⌊k·w/n⌋), so each
 * worker can keep one model and re-solve it point after point from the previous basis.
 */
final class PointWorkers {
    private PointWorkers() {
    }

    /** The points from (inclusive) to (exclusive) of one worker. */
    @FunctionalInterface
    interface Range {
        void run(int from, int to) throws Exception;
    }

    /** @return the number of workers used */
    static int run(int points, int threads, String threadName, Range range) {
        int workers = Math.max(1, Math.min(threads, points));
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                int from = (int) ((long) points * w / workers);
                int to = (int) ((long) points * (w + 1) / workers);
                futures.add(pool.submit(() -> {
                    range.run(from, to);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("sweep interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a sweep point failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return workers;
    }
}
