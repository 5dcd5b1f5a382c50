package io.djorm.libsql.internal.replica;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A hook called at each {@link ApplyStep} of a pull's write path. Production code uses {@link #NONE};
 * crash-safety tests throw (or stop the process) at a chosen step.
 */
@FunctionalInterface
public interface FaultInjector {
    /** Does nothing at every step. */
    FaultInjector NONE = step -> { };

    /** Called when the write path reaches a step. */
    void reached(ApplyStep step);

    /** An injector that throws {@link InjectedFault} the first time the given step is reached. */
    static FaultInjector failOnceAt(ApplyStep target) {
        AtomicBoolean fired = new AtomicBoolean();
        return step -> {
            if (step == target && fired.compareAndSet(false, true)) throw new InjectedFault(step);
        };
    }

    /** The failure {@link #failOnceAt} throws, standing in for a crash or an I/O error. */
    final class InjectedFault extends RuntimeException {
        private static final long serialVersionUID = 1L;

        /** Creates the fault for a step. */
        public InjectedFault(ApplyStep step) {
            super("injected fault at " + step);
        }
    }
}
