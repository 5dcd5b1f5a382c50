package io.djorm.async;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/** The base of the async tests: each class runs once per backend, against real databases. */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.djorm.async.AsyncFixture#backends")
abstract class AsyncBackendTest {
    static final long TIMEOUT_SECONDS = 60;

    @Parameter
    String backend;

    @BeforeEach
    void useBackend() {
        AsyncFixture.use(getClass(), backend);
    }

    @AfterAll
    static void releaseBackend() {
        AsyncFixture.tearDown();
    }

    /** Waits for a future (bounded, so a deadlock fails the test instead of hanging it). */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("The future failed: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            throw new AssertionError("The future did not complete: " + e, e);
        }
    }
}
