package io.djorm.spring;

import io.djorm.core.Djorm;
import io.djorm.core.ImproperlyConfigured;
import io.djorm.spring.internal.StartupMigrations;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * djorm's life inside a Spring application context: {@code Djorm.configure(settings)} when the bean
 * starts (then, with {@code djorm.migrate-on-startup}, the shipped migrations), and {@code Djorm.shutdown()}
 * (with orm-async's workers) when the context closes. djorm's settings are process-wide, so one context
 * at a time owns them: starting a second one while djorm is configured fails with
 * {@link ImproperlyConfigured}. A bean that uses models while the context starts (in its constructor or
 * {@code @PostConstruct}) should take this bean as a dependency so djorm is configured first.
 */
public final class DjormRuntime implements InitializingBean, DisposableBean {
    private static final String ASYNC = "io.djorm.async.Async";
    private final Map<String, Object> settings;
    private final StartupMigrations migrations;

    /**
     * Creates the runtime; nothing is opened until the context initialises it.
     *
     * @param settings the settings map for {@link Djorm#configure}
     * @param migrations what to migrate at start-up, or null for nothing
     */
    public DjormRuntime(Map<String, Object> settings, StartupMigrations migrations) {
        this.settings = settings;
        this.migrations = migrations;
    }

    @Override
    public void afterPropertiesSet() {
        if (Djorm.isConfigured()) {
            throw new ImproperlyConfigured("djorm is already configured in this JVM (by another Spring application "
                    + "context, or by a Djorm.configure call), and its settings are process-wide. Close the other context "
                    + "or call Djorm.shutdown() first; in tests whose classes use different djorm properties, mark them "
                    + "@DirtiesContext so each context closes after its class.");
        }
        Djorm.configure(settings);
        try {
            if (migrations != null) migrations.run();
        } catch (RuntimeException e) {
            Djorm.shutdown();
            throw e;
        }
    }

    /** The configured aliases. */
    public Set<String> aliases() {
        return Djorm.aliases();
    }

    @Override
    public void destroy() {
        try {
            shutdownAsync();
        } finally {
            Djorm.shutdown();
        }
    }

    /** orm-async is optional: its workers stop only when it is on the classpath. */
    private static void shutdownAsync() {
        try {
            Class.forName(ASYNC, true, DjormRuntime.class.getClassLoader()).getMethod("shutdown").invoke(null);
        } catch (ClassNotFoundException absent) {
            // No async layer, no workers.
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Async.shutdown() failed", e);
        }
    }
}
