/**
 * Async djorm: {@link java.util.concurrent.CompletableFuture} twins of every terminal call, on
 * connections pinned to their own single-thread workers. Start at {@link io.djorm.async.Async}.
 *
 * <h2>One naming scheme</h2>
 * The async twin of a sync call has the same name with the suffix {@code Async}, on the async wrapper
 * of the same object: {@code Async.of(manager)}, {@code Async.of(queryset)}, {@code Async.of(instance)},
 * {@code Async.of(relatedManager)}.
 * Chaining ({@code filter}, {@code orderBy}, {@code values}, ...) stays on the sync, lazy QuerySet.
 *
 * <table>
 * <caption>Django async API → djorm</caption>
 * <tr><th>Django</th><th>djorm</th></tr>
 * <tr><td>{@code await qs.aget(**kw)}</td><td>{@code Async.of(qs).getAsync("f", v)}</td></tr>
 * <tr><td>{@code await qs.afirst()} / {@code alast()}</td><td>{@code firstAsync()} / {@code lastAsync()}</td></tr>
 * <tr><td>{@code await qs.acount()}</td><td>{@code countAsync()}</td></tr>
 * <tr><td>{@code await qs.aexists()}</td><td>{@code existsAsync()}</td></tr>
 * <tr><td>{@code [x async for x in qs]}</td><td>{@code listAsync()}</td></tr>
 * <tr><td>{@code await qs.acreate(**kw)}</td><td>{@code createAsync("f", v, ...)}</td></tr>
 * <tr><td>{@code await qs.aget_or_create(...)}</td><td>{@code getOrCreateAsync(lookups, defaults)}</td></tr>
 * <tr><td>{@code await qs.aupdate_or_create(...)}</td><td>{@code updateOrCreateAsync(lookups, defaults)}</td></tr>
 * <tr><td>{@code await qs.abulk_create(objs)}</td><td>{@code bulkCreateAsync(objs)}</td></tr>
 * <tr><td>{@code await qs.abulk_update(objs, fields)}</td><td>{@code bulkUpdateAsync(objs, "f", ...)}</td></tr>
 * <tr><td>{@code await qs.aupdate(**kw)}</td><td>{@code updateAsync("f", v, ...)}</td></tr>
 * <tr><td>{@code await qs.adelete()}</td><td>{@code deleteAsync()}</td></tr>
 * <tr><td>{@code await qs.ain_bulk(ids)}</td><td>{@code inBulkAsync(ids)}</td></tr>
 * <tr><td>{@code await qs.aexplain()}</td><td>{@code explainAsync()}</td></tr>
 * <tr><td>{@code [v async for v in qs.values(...)]}</td><td>{@code Async.of(qs.values(...)).listAsync()}</td></tr>
 * <tr><td>{@code async for x in qs.aiterator(chunk_size)}</td><td>{@code iterator(n)} ({@code next()},
 *     {@code nextChunk()}), {@code forEachAsync(n, action)}, {@code publisher(n)}</td></tr>
 * <tr><td>{@code await obj.asave()}</td><td>{@code Async.of(obj).saveAsync()}</td></tr>
 * <tr><td>{@code await obj.adelete()}</td><td>{@code Async.of(obj).deleteAsync()}</td></tr>
 * <tr><td>{@code await obj.arefresh_from_db()}</td><td>{@code Async.of(obj).refreshFromDbAsync()}</td></tr>
 * <tr><td>{@code await qs.aaggregate(total=Sum("pages"))}</td><td>{@code aggregateAsync("total", new Sum("pages"))},
 *     {@code aggregateAsync(new Sum("pages"))}, {@code aggregateAsync(map)}</td></tr>
 * <tr><td>{@code [x async for x in author.books.all()]}</td><td>{@code Async.of(author.books()).listAsync()}</td></tr>
 * <tr><td>{@code await obj.rel.acount()} / {@code aexists()} / {@code aget(...)}</td>
 *     <td>{@code Async.of(obj.rel).countAsync()} / {@code existsAsync()} / {@code getAsync("f", v)}</td></tr>
 * <tr><td>{@code await obj.rel.acreate(**kw)}</td><td>{@code Async.of(obj.rel).createAsync("f", v, ...)}</td></tr>
 * <tr><td>{@code await obj.rel.aadd(a, b)} / {@code aremove(a)}</td><td>{@code addAsync(a, b)} / {@code removeAsync(a)}</td></tr>
 * <tr><td>{@code await obj.rel.aclear()} / {@code aset([a, b])}</td><td>{@code clearAsync()} / {@code setAsync(List.of(a, b))}</td></tr>
 * <tr><td>{@code sync_to_async(fn)}</td><td>{@code Async.supply(alias, fn)}</td></tr>
 * <tr><td>(none in Django)</td><td>{@code Async.atomic(alias, tx -> ...)}: an async transaction</td></tr>
 * </table>
 *
 * <h2>Threads: one connection, one thread</h2>
 * Each alias gets {@code min(8, maxConnections - 1)} workers ({@link io.djorm.async.AsyncOptions#workers}),
 * threads named {@code djorm-async-<alias>-<n>} ({@code djorm-async-default-1}, ...). A worker takes
 * one connection when its first call arrives and keeps it until it stops: every statement of that
 * connection runs on that one thread, for the connection's whole life, and the calls queued for a
 * worker run in order. Each call goes to the least busy worker, so concurrency comes from several
 * pinned connections (parallel readers on a WAL file, several requests in flight to a server). A
 * database with a single connection (a private in-memory SQLite database) is the exception: its one
 * worker gives the connection back when idle. An async transaction runs on a worker of its own,
 * {@code djorm-async-tx-<alias>-<n>}, pinned to the transaction's connection.
 *
 * <p>Futures complete on the callback executor ({@link io.djorm.async.AsyncOptions#callbackExecutor}),
 * so callbacks never run on a worker. Futures fail with the same exceptions as the sync calls;
 * {@code get()}/{@code join()} wrap them in ExecutionException/CompletionException as usual.
 *
 * <h2>Cancellation, timeouts, exit</h2>
 * Cancelling a future before its statement starts removes it from the queue; {@code cancel(true)},
 * {@code orTimeout} and {@code completeOnTimeout} also stop a statement already running (an interrupt
 * on a file, a cancelled HTTP call on a server). At normal JVM exit a shutdown hook lets queued work
 * finish for up to {@link io.djorm.async.AsyncOptions#exitTimeout} and logs what it drops.
 *
 * <h2>Misuse djorm refuses</h2>
 * {@code Async.of}, {@code Async.supply} or {@code Async.atomic} on the alias of an open
 * {@code Async.atomic} block, called from one of its steps, fails with a TransactionManagementError
 * naming {@code tx.of}: it would run outside the transaction. A worker thread that waits for an
 * unfinished djorm future fails at once with {@link io.djorm.async.AsyncDeadlockError}.
 */
package io.djorm.async;
