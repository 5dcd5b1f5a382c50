package io.djorm.core.internal;

import io.djorm.core.OperationalError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Database;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * One configured alias at run time: its database, a pool of connections, and the connection each
 * thread holds. A thread keeps the same connection while it is inside an atomic block or reading a
 * streamed result, so nested calls on that thread reuse it; otherwise each operation borrows one.
 */
public final class DatabaseHandle {
    private static final long ACQUIRE_TIMEOUT_SECONDS = 30;
    private final String alias;
    private final Database database;
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition available = lock.newCondition();
    private final ThreadLocal<Binding> bound = new ThreadLocal<>();
    /**
     * The connection given back last, taken by the next borrower without the lock: a statement outside an
     * atomic block borrows and gives back once each, and the lock's two round trips per statement showed
     * in the profile of a get by primary key. Only used while no borrower waits (see {@link #waiters}).
     */
    private final java.util.concurrent.atomic.AtomicReference<Connection> spare = new java.util.concurrent.atomic.AtomicReference<>();
    /**
     * Borrowers waiting for a connection. A waiter counts itself before it looks at {@link #spare} a last
     * time, and a giver puts a connection there before it reads this count: one of the two always sees the
     * other, so a connection is never left as the spare while someone sleeps.
     */
    private volatile int waiters;
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicInteger openTransactions = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.List<Runnable> closeListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** A connection held by one thread, with its reference count and transaction state. */
    public static final class Binding {
        private final Connection connection;
        private int references;
        /** Made on first use: most statements run outside atomic blocks, and a binding is made per statement. */
        private TransactionState transaction;

        Binding(Connection connection) {
            this.connection = connection;
        }

        /** The held connection. */
        public Connection connection() {
            return connection;
        }

        /** The atomic-block state of this thread on this alias. */
        public TransactionState transaction() {
            if (transaction == null) transaction = new TransactionState();
            return transaction;
        }
    }

    /** Creates the handle of an alias. */
    public DatabaseHandle(String alias, Database database) {
        this.alias = alias;
        this.database = database;
    }

    /** The alias. */
    public String alias() {
        return alias;
    }

    /** The backend database. */
    public Database database() {
        return database;
    }

    /** Runs work on this thread's connection (borrowed for the call if it holds none). */
    public <T> T call(Function<Connection, T> work) {
        Binding b = acquire();
        try {
            return work.apply(b.connection);
        } finally {
            release(b);
        }
    }

    /** Counts an outermost atomic block that began a transaction on this alias. */
    public void transactionOpened() {
        openTransactions.incrementAndGet();
    }

    /** Counts an outermost atomic block that finished (committed or rolled back). */
    public void transactionClosed() {
        openTransactions.decrementAndGet();
    }

    /** How many outermost atomic blocks are open on this alias, over all threads. */
    public int openTransactions() {
        return openTransactions.get();
    }

    /** The binding of the current thread, or null when it holds no connection. */
    public Binding current() {
        return bound.get();
    }

    /** Takes (or re-enters) the current thread's connection; pair with {@link #release}. */
    public Binding acquire() {
        Binding b = bound.get();
        if (b != null) {
            b.references++;
            return b;
        }
        b = new Binding(borrow());
        b.references = 1;
        bound.set(b);
        return b;
    }

    /** Gives back one reference; the connection returns to the pool when the last one goes. */
    public void release(Binding b) {
        if (--b.references > 0) return;
        // Not remove(): the next statement's get() would then make the thread's map entry again.
        bound.set(null);
        giveBack(b.connection);
    }

    private Connection borrow() {
        Connection quick = spare.getAndSet(null);
        if (quick != null) {
            if (!closed && quick.isUsable()) return quick;
            lock.lock();
            try {
                discard(quick);
            } finally {
                lock.unlock();
            }
        }
        lock.lock();
        try {
            long deadline = 0; // read the clock only when a borrower has to wait: most find an idle connection
            while (true) {
                if (closed) {
                    throw new OperationalError("The database alias '" + alias + "' is closed (Djorm.shutdown() ran). "
                            + "Call Djorm.configure(...) again to reopen it.");
                }
                Connection c = idle.pollFirst();
                if (c == null) c = spare.getAndSet(null);
                if (c != null) {
                    if (c.isUsable()) return c;
                    discard(c);
                    continue;
                }
                if (all.size() < database.maxConnections()) {
                    Connection fresh = new InstrumentedConnection(database.connect(), alias);
                    all.add(fresh);
                    return fresh;
                }
                if (deadline == 0) deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACQUIRE_TIMEOUT_SECONDS);
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new OperationalError("All " + database.maxConnections() + " connections of alias '" + alias
                            + "' stayed busy for " + ACQUIRE_TIMEOUT_SECONDS + " s. Close iterators you no longer read, "
                            + "keep atomic blocks short, or raise OPTIONS.pool_size.");
                }
                waiters++; // under the lock: only the count's readers are outside it
                try {
                    Connection given = spare.getAndSet(null);
                    if (given != null) {
                        if (given.isUsable()) return given;
                        discard(given);
                        continue;
                    }
                    available.awaitNanos(left);
                } finally {
                    waiters--;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperationalError("Interrupted while waiting for a connection of alias '" + alias + "'.", e);
        } finally {
            lock.unlock();
        }
    }

    private void giveBack(Connection c) {
        if (c.inTransaction()) {
            // An abandoned transaction must never leak into the next borrower.
            try {
                c.rollback();
            } catch (RuntimeException e) {
                lock.lock();
                try {
                    discard(c);
                    available.signal();
                } finally {
                    lock.unlock();
                }
                return;
            }
        }
        if (!closed && waiters == 0 && c.isUsable() && spare.compareAndSet(null, c)) {
            if (waiters == 0 && !closed) return;
            // A borrower began waiting, or the handle is closing: hand the connection over under the lock.
            c = spare.getAndSet(null);
            if (c == null) return; // the waiter took it
        }
        lock.lock();
        try {
            if (closed || !c.isUsable()) discard(c);
            else idle.addFirst(c);
            available.signal();
        } finally {
            lock.unlock();
        }
    }

    private void discard(Connection c) {
        all.remove(c);
        c.close();
    }

    /**
     * Registers an action run once, on the closing thread, at the start of {@link #close()} (before idle
     * connections close): layers that queue work for this alias, such as async workers, fail it there.
     */
    public void onClose(Runnable action) {
        closeListeners.add(action);
    }

    /** Closes idle connections and refuses new borrows; busy ones close when given back. */
    public void close() {
        closed = true;
        for (Runnable listener : closeListeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                org.slf4j.LoggerFactory.getLogger(DatabaseHandle.class).warn("A close listener of alias '{}' failed", alias, e);
            }
        }
        closeListeners.clear();
        lock.lock();
        try {
            closed = true;
            Connection s = spare.getAndSet(null);
            if (s != null) idle.addFirst(s);
            for (Connection c : idle) {
                all.remove(c);
                c.close();
            }
            idle.clear();
            available.signalAll();
        } finally {
            lock.unlock();
        }
        database.close();
    }

    /** Whether {@link #close()} ran. */
    public boolean isClosed() {
        return closed;
    }
}
