package io.djorm.behaviour;

import io.djorm.testkit.TestBackend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The base of every behaviour test: each test class runs once per backend (sqlite, libsql-local,
 * libsql-remote, libsql-replica, libsql-server) against real databases: the remote and replica ones on a
 * real tursodb server, libsql-server on the libSQL engine behind the test kit's Hrana server.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("io.djorm.behaviour.BehaviourTest#backends")
abstract class BehaviourTest {
    @Parameter
    String backend;

    static List<String> backends() {
        return TestBackend.selected();
    }

    /** The model classes whose tables this test needs, parents before children. */
    protected abstract List<Class<?>> models();

    @BeforeEach
    void useBackend() {
        BackendFixture.use(getClass(), backend, models(), List.of("io.djorm.behaviour.shop"));
    }

    /**
     * Whether statements run on a Hrana server (the remote backends), whose SQL functions are the
     * server's own: a server may lack some that local SQLite has (tursodb: DENSE_RANK, LAG, LEAD), or
     * have fewer (libSQL's engine: no REGEXP unless the server adds it).
     */
    static boolean runsOnAServer() {
        return io.djorm.core.Djorm.database("default") instanceof io.djorm.libsql.internal.hrana.RemoteDatabase;
    }

    @AfterAll
    static void releaseBackend() {
        BackendFixture.tearDown();
    }
}
