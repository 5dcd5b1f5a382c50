package io.djorm.libsql.internal.hrana;

import io.djorm.core.DatabaseError;
import io.djorm.core.OperationalError;
import io.djorm.core.TransactionManagementError;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.RowCursor;
import io.djorm.core.spi.Rows;
import io.djorm.core.spi.Statement;
import java.util.ArrayList;
import java.util.List;
import io.djorm.libsql.internal.hrana.Plan.Counted;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.ObjLongConsumer;

/**
 * A {@link Connection} to a libSQL server over Hrana HTTP. Every call is one HTTP request carrying one
 * {@code batch}: a transaction's {@code BEGIN} rides with its first statement, writes given to
 * {@link #enqueue} wait for the next call, and {@link #commit()} carries {@code COMMIT} (so an atomic
 * block of inserts costs one round trip). Change counts come from a {@code SELECT changes()} step in the
 * same batch and new keys from a {@code SELECT last_insert_rowid()} step, which are right on servers that
 * report neither themselves.
 *
 * <p>Works with full servers (sqld, Turso: batons name a stream, one SQLite connection each) and with
 * servers that only echo batons and share one SQLite connection between all clients (tursodb). On the
 * latter every pipeline inside a transaction first checks that the connection is still inside a
 * transaction, so a server restart between two requests is reported instead of letting the rest of the
 * transaction run in autocommit mode; and every write outside a transaction runs only if the connection
 * is in autocommit mode, so it never joins another client's transaction. A lost transaction is reported,
 * never retried; when its last request went unanswered, its stream is handed to the client to be rolled
 * back as soon as the server answers again. Held writes too large for one request
 * ({@code OPTIONS.MAX_REQUEST_SIZE}) travel ahead in several, on the same transaction.
 */
public final class HranaConnection implements Connection {
    private static final Statement BEGIN = Statement.of("BEGIN");
    private static final Statement COMMIT = Statement.of("COMMIT");
    private static final Statement ROLLBACK = Statement.of("ROLLBACK");
    private static final Statement PROBE = Statement.of("SELECT 1");

    private enum State { NONE, PENDING_BEGIN, OPEN, BROKEN }

    private final HranaClient client;
    /** The bytes of this connection's requests, reused from one request to the next. */
    private final RequestBytesSlot requestBytes = new RequestBytesSlot();
    /**
     * The writes held back until the next request; handed to the plan that sends them. A new table for each
     * request, with room for as many writes as the last one carried: a table kept from block to block ends up
     * among the collector's old objects, where every reference stored into it costs a write barrier.
     */
    private HeldWrites held = new HeldWrites(HeldWrites.INITIAL);
    private int savepointDepth;
    private State state = State.NONE;
    private String baton;
    private String baseUrl;
    private boolean beganOnServer;
    private String brokenReason;
    /** The transaction's last request went unanswered: its stream is handed to the client to roll back. */
    private boolean unanswered;
    private String lostBaton;
    private String lostBaseUrl;
    private int units;
    private boolean closed;
    private volatile Thread sending; // the thread waiting for this connection's HTTP call, for cancel()
    private volatile boolean cancelled;

    /** A connection that sends its requests through {@code client}. */
    public HranaConnection(HranaClient client) {
        this.client = client;
    }

    @Override
    public RowCursor query(Statement statement) {
        Plan plan = newPlan(List.of(statement));
        boolean read = state == State.NONE && StatementKind.of(statement.sql()) == StatementKind.READ;
        if (!read) guardAutocommit(plan);
        int step = plan.chainQuery(statement);
        PipelineReply reply = send(plan, false, read, statement.sql());
        check(plan, reply);
        return ownOutcome(reply, step, statement).rows(0).cursor();
    }

    @Override
    public long update(Statement statement) {
        Plan plan = newPlan(List.of(statement));
        guardAutocommit(plan);
        Counted step = plan.chainCounted(statement);
        PipelineReply reply = send(plan, false, false, statement.sql());
        check(plan, reply);
        ownOutcome(reply, step.step(), statement);
        return step.changes(reply);
    }

    @Override
    public List<Rows> executeAll(List<Statement> statements) {
        if (statements.isEmpty()) return List.of();
        if (statements.size() > 1 && !RequestSize.fits(statements, client.endpoint().maxRequestBytes())) {
            return executeSplit(statements);
        }
        return state == State.NONE ? executeAsTransaction(statements) : executeInsideTransaction(statements);
    }

    /**
     * A unit too large for one request ({@code OPTIONS.MAX_REQUEST_SIZE}, a large bulk create): its
     * statements travel in several requests of one transaction (outside a transaction, one of its own;
     * inside, under a savepoint), so it stays all or nothing.
     */
    private List<Rows> executeSplit(List<Statement> statements) {
        boolean own = state == State.NONE;
        String mark = "djorm_split_" + (++units);
        if (own) begin();
        else savepoint(mark);
        try {
            List<Rows> results = new ArrayList<>(statements.size());
            for (List<Statement> part : RequestSize.split(statements, client.endpoint().maxRequestBytes())) {
                results.addAll(executeInsideTransaction(part));
            }
            if (own) commit();
            else releaseSavepoint(mark);
            return results;
        } catch (RuntimeException e) {
            undoSplit(own, mark);
            throw e;
        }
    }

    private void undoSplit(boolean own, String mark) {
        try {
            if (own) {
                rollback();
            } else if (state != State.BROKEN) {
                rollbackToSavepoint(mark);
                releaseSavepoint(mark);
            }
        } catch (RuntimeException alsoFailed) {
            // the original failure is the one to report; a broken transaction is rolled back by its owner
        }
    }

    /** Outside a transaction: BEGIN, each step only if the previous succeeded, COMMIT, else ROLLBACK. */
    private List<Rows> executeAsTransaction(List<Statement> statements) {
        Plan plan = new Plan();
        // Each statement judged once, for the retry decision and for its change count.
        StatementKind[] kinds = new StatementKind[statements.size()];
        boolean allReads = true;
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = StatementKind.of(statements.get(i).sql());
            allReads &= kinds[i] == StatementKind.READ;
        }
        if (statements.size() == 1 && !allReads) guardAutocommit(plan); // several: BEGIN itself fails in a transaction
        int begin = statements.size() > 1 ? plan.chain(BEGIN) : -1;
        List<Counted> steps = new ArrayList<>(statements.size());
        for (int i = 0; i < kinds.length; i++) steps.add(plan.chainCounted(statements.get(i), kinds[i]));
        int commit = -1;
        if (begin >= 0) {
            commit = plan.chain(COMMIT);
            plan.addUnchained(ROLLBACK, BatchBuilder.and(BatchBuilder.ok(begin), BatchBuilder.not(BatchBuilder.ok(commit))));
        }
        PipelineReply reply = send(plan, true, allReads, statements.get(0).sql());
        check(plan, reply);
        if (begin >= 0) ownOutcome(reply, begin, BEGIN);
        List<Rows> results = collect(reply, statements, steps);
        if (commit >= 0) ownOutcome(reply, commit, COMMIT);
        return results;
    }

    /** Inside a transaction: the unit runs under its own savepoint, undone when any step fails. */
    private List<Rows> executeInsideTransaction(List<Statement> statements) {
        Plan plan = newPlan(statements);
        String savepoint = quote("djorm_unit_" + (++units));
        int mark = plan.chain(Statement.of("SAVEPOINT " + savepoint));
        List<Counted> steps = new ArrayList<>();
        for (Statement s : statements) steps.add(plan.chainCounted(s));
        int release = plan.chain(Statement.of("RELEASE " + savepoint));
        int undo = plan.addUnchained(Statement.of("ROLLBACK TO " + savepoint),
                BatchBuilder.and(BatchBuilder.ok(mark), BatchBuilder.not(BatchBuilder.ok(release))));
        plan.addUnchained(Statement.of("RELEASE " + savepoint), BatchBuilder.ok(undo));
        PipelineReply reply = send(plan, false, false, statements.get(0).sql());
        check(plan, reply);
        ownOutcome(reply, mark, Statement.of("SAVEPOINT " + savepoint));
        return collect(reply, statements, steps);
    }

    private List<Rows> collect(PipelineReply reply, List<Statement> statements, List<Counted> steps) {
        List<Rows> results = new ArrayList<>(statements.size());
        for (int i = 0; i < statements.size(); i++) {
            Counted step = steps.get(i);
            ownOutcome(reply, step.step(), statements.get(i));
            results.add(step.rows(reply));
        }
        return results;
    }

    @Override
    public void enqueue(Statement statement, Consumer<Rows> onResult) {
        if (state == State.NONE) {
            onResult.accept(executeAll(List.of(statement)).get(0));
            return;
        }
        hold(statement, onResult, null, null, null);
    }

    @Override
    public void enqueueInsert(Statement insert, String keyColumn, Consumer<Rows> onKey) {
        if (state == State.NONE) {
            Plan plan = new Plan();
            guardAutocommit(plan);
            Counted step = plan.chainInsert(insert);
            PipelineReply reply = send(plan, true, false, insert.sql());
            check(plan, reply);
            ownOutcome(reply, step.step(), insert);
            onKey.accept(step.rows(reply));
            return;
        }
        hold(insert, onKey, keyColumn, null, null);
    }

    /**
     * Inside a transaction, holds the insert with its key callback as it is: an atomic block's saves each
     * wrapped it in a callback of rows, and each got a result of rows made for its one key.
     */
    @Override
    public void enqueueKeyedInsert(Statement insert, String keyColumn, LongConsumer onKey) {
        if (state == State.NONE) {
            Connection.super.enqueueKeyedInsert(insert, keyColumn, onKey);
            return;
        }
        hold(insert, null, keyColumn, onKey, HeldWrites.CALLBACK);
    }

    /** Inside a transaction, holds the insert with its target and key setter as they are: no callback per save. */
    @Override
    @SuppressWarnings("unchecked") // the setter is only ever given the target it came with
    public <T> void enqueueKeyedInsert(Statement insert, String keyColumn, T target, ObjLongConsumer<? super T> setKey) {
        if (state == State.NONE) {
            Connection.super.enqueueKeyedInsert(insert, keyColumn, target, setKey);
            return;
        }
        hold(insert, null, keyColumn, target, (ObjLongConsumer<Object>) setKey);
    }

    /**
     * Holds a write of the open transaction back until the next request; keyColumn marks a keyed insert, whose
     * key goes to {@code setKey} with {@code keyTarget}.
     */
    private void hold(Statement statement, Consumer<Rows> onResult, String keyColumn, Object keyTarget,
                      ObjLongConsumer<Object> setKey) {
        // Every caller has ruled out State.NONE, so an open, usable transaction is told in one look (every
        // save of an atomic block); otherwise the full check explains what is wrong.
        if (closed || state == State.BROKEN) requireUsableTransaction("enqueue a statement");
        held.add(statement, onResult, null, savepointDepth, keyColumn, keyTarget, setKey);
    }

    @Override
    public void flush() {
        if (state == State.NONE || held.isEmpty()) return;
        Plan plan = newPlan(List.of());
        PipelineReply reply = send(plan, false, false, plan.firstSql());
        check(plan, reply);
    }

    @Override
    public void begin() {
        requireOpenConnection();
        if (state != State.NONE) {
            throw new TransactionManagementError("begin() was called inside a transaction; use savepoint() to nest.");
        }
        state = State.PENDING_BEGIN; // BEGIN travels with the next statement: no round trip of its own
    }

    @Override
    public void commit() {
        requireTransaction("commit()");
        if (state == State.BROKEN) {
            throw new TransactionManagementError("Cannot commit: " + brokenReason + " Call rollback().");
        }
        if (state == State.PENDING_BEGIN && held.isEmpty()) {
            endTransaction(); // nothing ever reached the server
            return;
        }
        try {
            Plan plan = newPlan(List.of(COMMIT, ROLLBACK));
            int commit = plan.chain(COMMIT);
            BatchBuilder.Condition notCommitted = BatchBuilder.not(BatchBuilder.ok(commit));
            plan.addUnchained(ROLLBACK, plan.anchor < 0 ? notCommitted
                    : BatchBuilder.and(BatchBuilder.ok(plan.anchor), notCommitted));
            PipelineReply reply = send(plan, true, false, COMMIT.sql());
            check(plan, reply);
            ownOutcome(reply, commit, COMMIT);
        } finally {
            endTransaction();
        }
    }

    @Override
    public void rollback() {
        held.clear();
        if (state == State.NONE) return;
        boolean bestEffort = state == State.BROKEN;
        try {
            if (unanswered) {
                // Its last request may still run and leave the transaction open: roll it back for sure.
                client.abandon(lostBaton, lostBaseUrl);
                return;
            }
            if (!beganOnServer) return;
            Plan plan = new Plan();
            plan.addUnchained(ROLLBACK, Boolean.FALSE.equals(client.capabilities().tracksStreams())
                    ? BatchBuilder.not(BatchBuilder.isAutocommit()) : null);
            send(plan, true, false, ROLLBACK.sql()); // a failed ROLLBACK leaves nothing to undo
        } catch (OperationalError e) {
            if (!bestEffort) throw e;
        } finally {
            endTransaction();
        }
    }

    @Override
    public void savepoint(String name) {
        requireUsableTransaction("savepoint()");
        savepointDepth++;
        held.add(Statement.of("SAVEPOINT " + quote(name)), null, name, savepointDepth);
    }

    @Override
    public void releaseSavepoint(String name) {
        requireUsableTransaction("releaseSavepoint()");
        boolean workHeld = held.hasWork();
        held.add(Statement.of("RELEASE " + quote(name)), null, null, savepointDepth);
        savepointDepth = Math.max(0, savepointDepth - 1);
        // A nested block must fail at its own end, so that its caller can roll back to the savepoint and go
        // on (get_or_create does); send its held writes now instead of with the outer COMMIT.
        if (workHeld) flush();
    }

    @Override
    public void rollbackToSavepoint(String name) {
        requireUsableTransaction("rollbackToSavepoint()");
        if (discardHeldSince(name)) return; // the savepoint and its work never left this process
        Statement undo = Statement.of("ROLLBACK TO " + quote(name));
        Plan plan = newPlan(List.of(undo));
        int step = plan.chain(undo);
        PipelineReply reply = send(plan, false, false, undo.sql());
        check(plan, reply);
        ownOutcome(reply, step, undo);
    }

    @Override
    public boolean inTransaction() {
        return state != State.NONE;
    }

    @Override
    public boolean isUsable() {
        return !closed;
    }

    @Override
    public void close() {
        if (closed) return;
        try {
            rollback();
        } catch (RuntimeException ignored) {
            // closing never throws; an unreachable server has nothing of this session to undo
        } finally {
            closed = true;
        }
    }

    @Override
    public String toString() {
        return "HranaConnection[" + client.endpoint().displayUrl() + ", " + state + "]";
    }

    /**
     * Drops the held statements from the named savepoint's mark on, when that mark is still held: the
     * savepoint itself stays (ROLLBACK TO keeps it), its work is undone before it was ever sent.
     */
    private boolean discardHeldSince(String name) {
        for (int i = held.size() - 1; i >= 0; i--) {
            if (name.equals(held.savepoint(i))) {
                held.truncate(i + 1);
                return true;
            }
            if (held.statement(i).sql().equals("RELEASE " + quote(name))) return false;
        }
        return false;
    }

    /**
     * A plan that starts the pipeline as the transaction state requires and carries the held writes;
     * {@code own} are the statements the caller adds. Held writes that would not fit in one request of at
     * most {@code OPTIONS.MAX_REQUEST_SIZE} with them are sent ahead, in order, on the same transaction.
     */
    private Plan newPlan(List<Statement> own) {
        requireOpenConnection();
        if (state == State.BROKEN) {
            throw new TransactionManagementError("This transaction cannot continue: " + brokenReason
                    + " Call rollback(), then start again.");
        }
        // Nothing held, or all of it fits with the caller's statements: nothing to send ahead, nothing to count.
        if (!held.isEmpty() && !RequestSize.fitsHeld(held, own, client.endpoint().maxRequestBytes())) {
            sendHeldAhead(RequestSize.of(own));
        }
        Plan plan = startPlan();
        if (!held.isEmpty()) {
            plan.chainHeld(held); // the plan keeps the table until its answer is delivered
            // Room for what the last request carried, up to a bound: one huge block does not size every later table.
            held = new HeldWrites(Math.min(held.size(), 1024), Math.min(held.valueCount(), 8192));
        }
        return plan;
    }

    private Plan startPlan() {
        Plan plan = new Plan();
        if (state == State.PENDING_BEGIN) {
            plan.begin = plan.chain(BEGIN);
            plan.anchor = plan.begin;
        } else if (state == State.OPEN && Boolean.FALSE.equals(client.capabilities().tracksStreams())) {
            // No stream identity on this server: make sure the shared connection is still in our transaction.
            plan.guardTransaction(PROBE);
        }
        return plan;
    }

    /** Splits the held writes into requests under the size limit while they would not fit in one. */
    private void sendHeldAhead(long ownBytes) {
        long limit = client.endpoint().maxRequestBytes();
        long total = ownBytes + RequestSize.ofHeld(held);
        while (!held.isEmpty() && RequestSize.PIPELINE + total > limit) {
            int n = 0;
            long chunk = RequestSize.PIPELINE;
            while (n < held.size()) {
                long next = n == 0 ? RequestSize.of(held.statement(0)) : RequestSize.ofHeld(held, n);
                if (n > 0 && chunk + next > limit) break;
                chunk += next;
                n++;
            }
            HeldWrites ahead = held.takeFirst(n);
            total -= chunk - RequestSize.PIPELINE;
            Plan plan = startPlan();
            plan.chainHeld(ahead);
            try {
                check(plan, send(plan, false, false, plan.firstSql()));
            } catch (RuntimeException e) {
                held.clear(); // as in one request, nothing after a failed write runs
                throw e;
            }
        }
    }

    /** On a server that may share its connection, makes a write outside a transaction refuse to join one. */
    private void guardAutocommit(Plan plan) {
        ServerCapabilities capabilities = client.capabilities();
        if (state != State.NONE || Boolean.TRUE.equals(capabilities.tracksStreams())
                || !capabilities.accepts("is_autocommit")) {
            return;
        }
        plan.onlyInAutocommit();
    }

    /** Sends a plan, following the transaction's stream; turns transport failures into exceptions. */
    private PipelineReply send(Plan plan, boolean endsStream, boolean retryableRead, String sql) {
        boolean inTransaction = state != State.NONE;
        String sentBaton = inTransaction ? baton : null;
        PipelineReply reply;
        try {
            reply = sendOnce(plan, sentBaton, inTransaction, endsStream, retryableRead);
        } catch (TransportFailure failure) {
            if (!inTransaction) {
                throw failure.toError((failure.ranNothing() ? "Nothing of it ran. " : "") + "Statement: "
                        + HranaErrors.shortSql(sql));
            }
            boolean committing = endsStream && sql.equals(COMMIT.sql());
            String stale = baton;
            String staleBaseUrl = baseUrl;
            loseTransaction(failure.getMessage());
            if (!failure.ranNothing()) {
                unanswered = true;
                lostBaton = stale;
                lostBaseUrl = staleBaseUrl;
            }
            throw failure.toError(committing && !failure.ranNothing()
                    ? "The connection failed while committing: whether the transaction was committed is unknown."
                            + " Check the data before running it again."
                    : "The transaction was lost and none of its statements were committed; djorm does not retry a"
                            + " transaction by itself. Call rollback(), then run the whole transaction again.");
        }
        if (inTransaction) followStream(reply, sentBaton, endsStream);
        return reply;
    }

    private PipelineReply sendOnce(Plan plan, String sentBaton, boolean inTransaction, boolean endsStream,
                                   boolean retryableRead) throws TransportFailure {
        BatchBuilder batch = plan.batch;
        boolean closeStream = endsStream || !inTransaction;
        cancelled = false;
        sending = Thread.currentThread();
        try {
            return client.send(sentBaton, inTransaction ? baseUrl : null, batch, closeStream, requestBytes);
        } catch (TransportFailure failure) {
            if (!retryableRead || !failure.retryableForRead() || cancelled) throw failure;
            return client.send(sentBaton, null, batch, closeStream, requestBytes); // a read changes nothing: one more try
        } finally {
            sending = null;
        }
    }

    /** Abandons the HTTP call in flight, if any; the statement fails as unreachable and is not retried. */
    @Override
    public void cancel() {
        Thread t = sending;
        if (t == null) return;
        cancelled = true;
        client.cancelCallsOf(t);
    }

    /** Keeps the transaction's stream position; a stream the server closed means the transaction is gone. */
    private void followStream(PipelineReply reply, String sentBaton, boolean endsStream) {
        if (endsStream) {
            baton = null;
            baseUrl = null;
            return;
        }
        if (reply.baton() == null) {
            if (sentBaton == null) {
                client.capabilities().learnTracksStreams(false);
                return;
            }
            loseTransaction("the server closed the transaction's stream (it may have expired after idling)");
            throw new OperationalError("The libSQL server at " + client.endpoint().displayUrl() + " closed this"
                    + " transaction's stream. The transaction was lost and none of its statements were committed."
                    + " Call rollback(), then run the whole transaction again without long pauses inside it.");
        }
        if (sentBaton == null) client.capabilities().learnTracksStreams(true);
        baton = reply.baton();
        if (reply.baseUrl() != null) baseUrl = reply.baseUrl();
    }

    /** Checks the steps the plan added before the caller's own: BEGIN, the guard, held writes. */
    private void check(Plan plan, PipelineReply reply) {
        if (plan.autocommitGuarded && reply.requestError() == null && reply.step(0).skipped()) {
            throw new OperationalError("The libSQL server at " + client.endpoint().displayUrl() + " is inside a"
                    + " transaction that this connection did not open, so this statement was not run: " + HranaErrors
                    .shortSql(plan.firstSql()) + ". The server shares one SQLite connection between all its clients"
                    + " (tursodb does; sqld and Turso Cloud isolate them), and the write would have joined another"
                    + " client's transaction and shared its fate. Run it again once that transaction has ended.");
        }
        if (reply.requestError() != null) {
            if (plan.carriesHeld() || plan.begin >= 0) breakTransaction("the server refused the whole request.");
            throw HranaErrors.forStatement(reply.requestError(), plan.firstSql());
        }
        if (plan.begin >= 0) {
            StepOutcome begin = reply.step(plan.begin);
            if (begin.failed()) {
                breakTransaction("BEGIN failed: " + begin.errorMessage() + ".");
                throw HranaErrors.forStatement(begin, BEGIN.sql());
            }
            beganOnServer = true;
            state = State.OPEN;
        }
        if (plan.guard >= 0 && reply.step(plan.guard).skipped()) {
            loseTransaction("the server is no longer inside this transaction (it was restarted, or the transaction"
                    + " was ended by another client of its shared connection).");
            throw new OperationalError("The libSQL server at " + client.endpoint().displayUrl() + " is no longer"
                    + " inside this connection's transaction: it was restarted, or another client ended it. The"
                    + " transaction was lost; nothing sent in this request ran. Call rollback(), then run the whole"
                    + " transaction again.");
        }
        HeldWrites held = plan.held;
        if (held == null) return;
        for (int i = 0, n = held.size(); i < n; ) {
            StepOutcome outcome = reply.step(held.step(i)); // once for a joined insert's rows: they share the step
            if (outcome.failed()) {
                DatabaseError error = HranaErrors.forStatement(outcome, held.statement(i).sql());
                if (held.depth(i) > 0) {
                    // Inside a savepoint the failure belongs to that block: the server ran nothing after the
                    // failing step, the transaction stays usable, and the block rolls back to its savepoint.
                    savepointDepth = held.depth(i);
                    throw error;
                }
                breakTransaction("a statement held back until this call failed (" + error.getMessage() + ").");
                throw error;
            }
            i = held.deliverRun(i, reply);
        }
    }

    /** The outcome of one of the caller's own steps; raises when it failed. */
    private static StepOutcome ownOutcome(PipelineReply reply, int step, Statement statement) {
        StepOutcome outcome = reply.step(step);
        if (outcome.failed()) throw HranaErrors.forStatement(outcome, statement.sql());
        if (outcome.skipped()) {
            throw new IllegalStateException("step " + step + " was skipped although every step before it succeeded");
        }
        return outcome;
    }

    private void loseTransaction(String reason) {
        state = State.BROKEN;
        brokenReason = "the transaction was lost: " + reason;
        baton = null;
        baseUrl = null;
    }

    private void breakTransaction(String reason) {
        if (state == State.NONE) return;
        state = State.BROKEN;
        brokenReason = reason;
    }

    private void endTransaction() {
        state = State.NONE;
        held.clear();
        savepointDepth = 0;
        baton = null;
        baseUrl = null;
        beganOnServer = false;
        brokenReason = null;
        unanswered = false;
        lostBaton = null;
        lostBaseUrl = null;
    }

    private void requireOpenConnection() {
        if (closed) throw new OperationalError("This libSQL connection is closed; open a new one.");
    }

    private void requireTransaction(String what) {
        requireOpenConnection();
        if (state == State.NONE) {
            throw new TransactionManagementError(what + " needs an open transaction; call begin() first.");
        }
    }

    private void requireUsableTransaction(String what) {
        requireTransaction(what);
        if (state == State.BROKEN) {
            throw new TransactionManagementError("Cannot " + what + ": " + brokenReason + " Call rollback().");
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
