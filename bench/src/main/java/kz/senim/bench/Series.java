package kz.senim.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/** Runs a call many times on a number of threads (each with its own call: its own client) and times each run. */
final class Series {

    /** One call: it throws when its answer is not the expected one, which stops the series. */
    interface Call {
        void run() throws Exception;
    }

    private Series() {
    }

    /** {@code total} calls spread over {@code threads} threads started together; untimed warm-ups first, on one thread. */
    static Latencies run(int threads, int total, int warmups, Supplier<Call> callPerThread) {
        try {
            Call warm = callPerThread.get();
            for (int i = 0; i < warmups; i++) {
                warm.run();
            }
        } catch (Exception e) {
            throw new IllegalStateException("a warm-up call failed: " + e.getMessage(), e);
        }
        ConcurrentLinkedQueue<Long> nanos = new ConcurrentLinkedQueue<>();
        AtomicReference<Exception> failure = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int calls = total / threads + (t < total % threads ? 1 : 0);
            Call call = callPerThread.get();
            workers.add(Thread.ofPlatform().name("bench-" + t).start(() -> {
                ready.countDown();
                try {
                    go.await();
                    for (int i = 0; i < calls && failure.get() == null; i++) {
                        long start = System.nanoTime();
                        call.run();
                        nanos.add(System.nanoTime() - start);
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
            }));
        }
        try {
            ready.await();
            long start = System.nanoTime();
            go.countDown();
            for (Thread worker : workers) {
                worker.join();
            }
            long wall = System.nanoTime() - start;
            if (failure.get() != null) {
                throw new IllegalStateException("a timed call failed: " + failure.get().getMessage(), failure.get());
            }
            return Latencies.of(nanos, wall);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
