package io.djorm.libsql.internal.hrana;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import okhttp3.Call;

/**
 * The HTTP calls being made, each with its deadline ({@code OPTIONS.TIMEOUT}): one shared daemon thread
 * cancels a call that outlives its deadline, and {@link #cancelAll} cancels a sender's calls on request.
 *
 * <p>Why not OkHttp's call timeout: it arms okio's watchdog on every call, and arming an empty watchdog
 * queue wakes the watchdog thread, so every request cost a futex wake and a context switch of another
 * thread (on a small machine, one competing with a local server); measured, 5-15% of the wall time of a
 * small query on the libSQL-engine test server. Here the watcher sleeps until the earliest deadline it
 * knows of and is woken only by a call whose deadline comes sooner than that, which a client with one
 * timeout never makes: its calls' deadlines only grow. A call that finishes leaves the watcher asleep;
 * when the watcher wakes at a deadline whose call is long gone, it plans the next one, and it ends when
 * nothing is in flight ({@link #wake()} makes it look at once). So a steady stream of requests costs a
 * set insertion and removal each and no wake-up.
 */
final class CallsInFlight {
    /** The calls of every client of this JVM, watched by one thread. */
    static final CallsInFlight SHARED = new CallsInFlight("djorm libSQL call deadlines");

    private final String threadName;
    private final Set<InFlight> calls = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Thread> watcher = new AtomicReference<>();
    /** When the watcher will look next, as {@link System#nanoTime()}; only a sooner deadline needs to wake it. */
    private volatile long plannedLook;
    /** The watcher's own plan, published as {@link #plannedLook}. */
    private long nextLook;
    /** How many times a watcher looked at the calls (written by the watcher only), for tests. */
    private volatile long looks;

    CallsInFlight(String threadName) {
        this.threadName = threadName;
    }

    /**
     * Registers {@code call}, about to be executed by the current thread for {@code owner}, to be cancelled
     * when it is still in flight {@code timeoutNanos} from now. Close the returned registration when the
     * call is done (its response read and closed).
     */
    InFlight track(Call call, Object owner, long timeoutNanos) {
        InFlight flight = new InFlight(call, owner, Thread.currentThread(), System.nanoTime() + timeoutNanos);
        calls.add(flight);
        Thread current = watcher.get();
        if (current == null) {
            startWatcher();
        } else if (flight.deadline - plannedLook < 0) {
            LockSupport.unpark(current); // it sleeps past this deadline: it must plan again
        }
        return flight;
    }

    /** Cancels the calls {@code sender} is making for {@code owner}: they fail at once with an IOException. */
    void cancelAll(Object owner, Thread sender) {
        for (InFlight flight : calls) {
            if (flight.owner == owner && flight.sender == sender) flight.call.cancel();
        }
    }

    /** Makes the watcher look now, so that it ends soon when nothing is in flight (a client closing). */
    void wake() {
        Thread current = watcher.get();
        if (current != null) LockSupport.unpark(current);
    }

    /** The watcher thread, or null when none runs; for tests. */
    Thread watcher() {
        return watcher.get();
    }

    /** How many times a watcher looked at the calls in flight, for tests. */
    long looks() {
        return looks;
    }

    private void startWatcher() {
        Thread thread = new Thread(this::watch, threadName);
        thread.setDaemon(true);
        if (watcher.compareAndSet(null, thread)) thread.start();
        // else another registration started one first: it will see this call too
    }

    private void watch() {
        Thread self = Thread.currentThread();
        while (true) {
            if (!expireAndPlan()) {
                // Nothing in flight: end. A call registered meanwhile either sees no watcher and starts one, or
                // was added before the check below, which then keeps this one running (both sides write before
                // they read, so one of them sees the other).
                watcher.set(null);
                if (calls.isEmpty() || !watcher.compareAndSet(null, self)) return;
                continue;
            }
            plannedLook = nextLook;
            // A call registered during the scan may have read the previous plan and not woken this thread.
            if (anyDeadlineBefore(nextLook)) continue;
            LockSupport.parkNanos(this, nextLook - System.nanoTime());
        }
    }

    /** Cancels the calls past their deadline and plans the next look at the soonest other; false when none is left. */
    private boolean expireAndPlan() {
        looks++; // one writer: the watcher
        long now = System.nanoTime();
        boolean any = false;
        for (InFlight flight : calls) {
            if (flight.deadline - now <= 0) {
                if (calls.remove(flight)) flight.expire();
            } else if (!any || flight.deadline - nextLook < 0) {
                nextLook = flight.deadline;
                any = true;
            }
        }
        return any;
    }

    private boolean anyDeadlineBefore(long time) {
        for (InFlight flight : calls) {
            if (flight.deadline - time < 0) return true;
        }
        return false;
    }

    /** One call in flight. Closing it stops watching the call. */
    final class InFlight implements AutoCloseable {
        private final Call call;
        private final Object owner;
        private final Thread sender;
        private final long deadline;
        private volatile boolean expired;

        private InFlight(Call call, Object owner, Thread sender, long deadline) {
            this.call = call;
            this.owner = owner;
            this.sender = sender;
            this.deadline = deadline;
        }

        /** Whether the call was cancelled for outliving its deadline. */
        boolean expired() {
            return expired;
        }

        private void expire() {
            expired = true;
            call.cancel();
        }

        @Override
        public void close() {
            calls.remove(this);
        }
    }
}
