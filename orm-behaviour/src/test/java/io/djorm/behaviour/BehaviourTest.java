package io.djorm.behaviour;

import io.djorm.testkit.TestDatabases;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of every behaviour test: each test class runs once per backend (sqlite, libsql-local,
 * libsql-remote, libsql-replica) against real databases, the remote ones on a real tursodb server.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.djorm.behaviour.BehaviourTest#backends")
abstract class BehaviourTest {
    @Parameter
    String backend;

    static List<String> backends() {
        String only = System.getProperty("djorm.backends");
        return only == null || only.isBlank() ? TestDatabases.ALL : List.of(only.split(","));
    }

    /** The model classes whose tables this test needs, parents before children. */
    protected abstract List<Class<?>> models();

    @BeforeEach
    void useBackend() {
        BackendFixture.use(getClass(), backend, models(), List.of("io.djorm.behaviour.shop"));
    }

    @AfterAll
    static void releaseBackend() {
        BackendFixture.tearDown();
    }

    /** Whether this run is on a backend whose reads may lag writes until a sync (the replica). */
    boolean isRemote() {
        return backend.equals("libsql-remote") || backend.equals("libsql-replica");
    }
}
