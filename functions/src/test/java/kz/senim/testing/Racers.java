package kz.senim.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Writers that start at the same moment, for the conditions a store keeps under races. */
public final class Racers {

    private Racers() {
    }

    /** Runs every racer on its own thread, released together; what each returned, in the racers' order. */
    public static <T> List<T> race(List<Callable<T>> racers) throws Exception {
        CyclicBarrier start = new CyclicBarrier(racers.size());
        List<Callable<T>> released = racers.stream().<Callable<T>>map(racer -> () -> {
            start.await(30, TimeUnit.SECONDS);
            return racer.call();
        }).toList();
        List<T> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newFixedThreadPool(racers.size())) {
            for (Future<T> outcome : threads.invokeAll(released, 60, TimeUnit.SECONDS)) {
                outcomes.add(outcome.get());
            }
        }
        return outcomes;
    }

    /** {@code count} racers doing the same thing. */
    public static <T> List<T> race(int count, Callable<T> racer) throws Exception {
        return race(java.util.Collections.nCopies(count, racer));
    }
}
