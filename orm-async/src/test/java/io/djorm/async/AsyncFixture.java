package io.djorm.async;

import io.djorm.async.demo.Article;
import io.djorm.async.demo.Author;
import io.djorm.async.demo.Book;
import io.djorm.core.Djorm;
import io.djorm.testkit.TestBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Configures djorm for one backend: a fresh database (and a fresh real tursodb server for the remote
 * and replica backends) with the demo tables
 * (books, and authors with their articles). One configuration is kept while tests of one class and
 * backend run; switching tears the previous one (and the async workers) down.
 */
final class AsyncFixture {
    private static String currentKey;
    private static TestBackend current;

    private AsyncFixture() {
    }

    /** The backends to run: all five, or those named in -Ddjorm.backends=a,b. */
    static List<String> backends() {
        return TestBackend.selected();
    }

    /** Makes sure djorm runs on {@code backend} with empty demo tables. */
    static void use(Class<?> testClass, String backend) {
        use(testClass, backend, UnaryOperator.identity());
    }

    /** As {@link #use(Class, String)}, with the {@code default} alias's settings passed through {@code adjust}. */
    static synchronized void use(Class<?> testClass, String backend, UnaryOperator<Map<String, Object>> adjust) {
        String key = testClass.getName() + "@" + backend;
        if (!key.equals(currentKey) || !Djorm.isConfigured()) {
            tearDown();
            current = TestBackend.start(backend);
            @SuppressWarnings("unchecked")
            Map<String, Object> base = (Map<String, Object>) current.databases().get("default");
            Map<String, Object> settings = adjust.apply(new HashMap<>(base));
            Djorm.configure(Map.of("DATABASES", Map.of("default", settings),
                    "INSTALLED_APPS", List.of("io.djorm.async.demo")));
            Djorm.connection().createTables(Book.class, Author.class, Article.class);
            currentKey = key;
        }
        Djorm.connection().execute("DELETE FROM \"" + Djorm.apps().register(Book.class).dbTable() + "\"");
        // Through the ORM, so the automatic many-to-many rows of the articles go too.
        Article.objects().all().delete();
        Author.objects().all().delete();
    }

    /** Stops the async workers, djorm and the server. */
    static synchronized void tearDown() {
        Async.shutdown();
        Async.configure(Djorm.DEFAULT_DB_ALIAS, AsyncOptions.defaults());
        if (Djorm.isConfigured()) Djorm.shutdown();
        if (current != null) {
            current.close();
            current = null;
        }
        currentKey = null;
    }
}
