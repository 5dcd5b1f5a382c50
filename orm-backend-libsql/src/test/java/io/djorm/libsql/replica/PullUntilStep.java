package io.djorm.libsql.replica;

import io.djorm.libsql.internal.replica.ApplyStep;
import io.djorm.libsql.internal.replica.ReplicaFile;
import java.nio.file.Path;

/**
 * A child process for the crash tests: pulls into a replica file and, on reaching the given step,
 * announces it on stdout and waits to be killed.
 *
 * <p>Arguments: the replica file, the primary's URL, the {@link ApplyStep} name.
 */
public final class PullUntilStep {
    static final String REACHED = "REACHED ";

    private PullUntilStep() {
    }

    /** Runs the pull; never returns normally when the step is reached. */
    public static void main(String[] args) throws InterruptedException {
        Path file = Path.of(args[0]);
        ApplyStep target = ApplyStep.valueOf(args[2]);
        ReplicaFile replica = Replicas.open(file, args[1], step -> {
            if (step == target) {
                System.out.println(REACHED + step);
                System.out.flush();
                sleepForever();
            }
        });
        replica.pull();
        System.out.println("FINISHED without reaching " + target);
        System.exit(2);
    }

    private static void sleepForever() {
        try {
            Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
