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
 * <h2>Threads</h2>
 * Statements run on worker threads ({@code djorm-async-<alias>-<n>}); each worker owns one connection
 * while it has work, so the sync API called there uses that connection. Futures complete on the
 * callback executor ({@link io.djorm.async.AsyncOptions#callbackExecutor}), so callbacks never run on a
 * worker. Futures fail with the same exceptions as the sync calls; {@code get()}/{@code join()} wrap
 * them in ExecutionException/CompletionException as usual. Cancelling a future before its statement
 * starts removes it from the queue; once started it runs to the end and {@code cancel} returns false.
 */
package io.djorm.async;
