package io.djorm.async;

import io.djorm.async.internal.Submit;
import io.djorm.async.internal.Targets;
import io.djorm.core.DeleteResult;
import io.djorm.core.Djorm;
import io.djorm.core.Model;
import io.djorm.core.SaveOptions;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The async twin of an instance's own calls: save, delete, refresh. The instance is changed on a
 * connection thread; read it again only after the future completes.
 *
 * <pre>{@code
 * Async.of(book).saveAsync().thenAccept(saved -> log(saved.pk()));
 * }</pre>
 *
 * @param <T> the model
 */
public final class AsyncModel<T extends Model> {
    private final T instance;
    private final Targets targets;

    AsyncModel(T instance, Targets targets) {
        this.instance = instance;
        this.targets = targets;
    }

    /** The wrapped instance. */
    public T sync() {
        return instance;
    }

    private String ownAlias() {
        return instance.db() != null ? instance.db() : Djorm.DEFAULT_DB_ALIAS;
    }

    private <R> CompletableFuture<R> submit(Supplier<String> alias, Supplier<R> work) {
        return Submit.on(targets, alias, work);
    }

    /** See {@link Model#save()} (Django: {@code asave}); completes with the saved instance. */
    public CompletableFuture<T> saveAsync() {
        return saveAsync(SaveOptions.defaults());
    }

    /** See {@link Model#save(SaveOptions)}; completes with the saved instance. */
    public CompletableFuture<T> saveAsync(SaveOptions options) {
        return submit(() -> options.using() != null ? options.using() : ownAlias(), () -> {
            instance.save(options);
            return instance;
        });
    }

    /** See {@link Model#save(String...)}: updates only the named fields. */
    public CompletableFuture<T> saveAsync(String... updateFields) {
        return saveAsync(SaveOptions.updateFields(updateFields));
    }

    /** See {@link Model#delete()} (Django: {@code adelete}). */
    public CompletableFuture<DeleteResult> deleteAsync() {
        return submit(this::ownAlias, instance::delete);
    }

    /** See {@link Model#delete(String)}. */
    public CompletableFuture<DeleteResult> deleteAsync(String using) {
        return submit(() -> using, () -> instance.delete(using));
    }

    /** See {@link Model#refreshFromDb(String...)} (Django: {@code arefresh_from_db}); completes with the instance. */
    public CompletableFuture<T> refreshFromDbAsync(String... fields) {
        return submit(this::ownAlias, () -> {
            instance.refreshFromDb(fields);
            return instance;
        });
    }

    @Override
    public String toString() {
        return "AsyncModel[" + instance + "]";
    }
}
