package io.djorm.testkit;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The production libSQL server ({@code sqld}) in a Docker container, for machines that run a Docker
 * engine: it speaks the full Hrana protocol (v3, batons, {@code close}, real error codes), which the
 * {@link TursoServer} used elsewhere only partly does.
 *
 * <pre>{@code
 * @Testcontainers(disabledWithoutDocker = true)
 * class MyTest {
 *     @Container
 *     static final LibsqlServerContainer SERVER = new LibsqlServerContainer();
 *     // SERVER.url() -> http://localhost:<mapped port>
 * }
 * }</pre>
 */
public class LibsqlServerContainer extends GenericContainer<LibsqlServerContainer> {
    /** The image this container runs unless told otherwise. */
    public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("ghcr.io/tursodatabase/libsql-server");
    /** The port sqld serves Hrana over HTTP on, inside the container. */
    public static final int HTTP_PORT = 8080;

    /** A container of the latest published libsql-server image. */
    public LibsqlServerContainer() {
        this(DEFAULT_IMAGE.withTag("latest"));
    }

    /** A container of the given libsql-server image (a pinned tag, or a mirror of the image). */
    public LibsqlServerContainer(DockerImageName image) {
        super(image);
        image.assertCompatibleWith(DEFAULT_IMAGE);
        withExposedPorts(HTTP_PORT);
        waitingFor(Wait.forListeningPort());
    }

    /** The server's HTTP URL as seen from the test: {@code http://<host>:<mapped port>}. */
    public String url() {
        return "http://" + getHost() + ":" + getMappedPort(HTTP_PORT);
    }
}
