package io.djorm.behaviour;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Publisher;
import io.djorm.behaviour.shop.Tag;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.DataError;
import io.djorm.core.Djorm;
import io.djorm.core.DjormException;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.SaveOptions;
import io.djorm.core.expressions.Value;
import io.djorm.testkit.TestBackend;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The hostile-input suite (issue 15): generated values and names, careless and malicious, go through
 * every public entry point of the query API — filter/exclude/Q, orderBy, values/valuesList, annotate,
 * F, selectRelated/prefetchRelated, update, create/save, raw SQL parameters — on every selected
 * backend at once (one alias per backend). Each call may fail only with a {@link DjormException};
 * after every try the schema and the seed rows of every backend are unchanged and every connection
 * still answers. A saved string or date reads back unchanged.
 *
 * <p>The number of tries is bounded and the seed fixed, so a run is repeatable; jqwik prints the seed
 * and the shrunk sample of a failure.
 */
class HostileInputPropertiesTest {
    private static final String SEED = "1515015";
    private static final int TRIES = 100;
    private static final List<Class<?>> MODELS = List.of(Writer.class, Publisher.class, Tag.class, Novel.class,
            Author.class, Book.class);
    private static final List<String> TABLES = List.of("shop_writer", "shop_publisher", "shop_tag", "shop_novel",
            "shop_author", "shop_book");
    private static final List<String> SPECIAL_TEXT = List.of("", " ", "\u0000", "a\u0000b", "\udc00", "\ud800x",
            "\ud83d\ude00", "'", "\"", "`", "--", "/*", ";", "%", "_", "\\", "?", "?1", ":name", "@x", "$x",
            "x'); DROP TABLE shop_book; --", "\" OR 1=1 --", "author__x\"; DROP TABLE x", "__", "____", "pk__in",
            "title__regex", ")", "(", "[a", "*", "\n", "\t", "\r\n", "ǅ", "İ", "ß", "\u202e", "x".repeat(300));
    private static final List<String> NAME_PARTS = List.of("title", "pages", "price", "published", "lastRead",
            "rating", "inPrint", "format", "blurb", "extra", "code", "readingTime", "cover", "edition", "created",
            "id", "pk", "author", "publisher", "tags", "novels", "name", "email", "exact", "iexact", "contains",
            "icontains", "startswith", "endswith", "iendswith", "regex", "iregex", "in", "range", "isnull", "gt",
            "lte", "year", "month", "date", "lower", "length");
    private static final List<TestBackend> RUNNING = new ArrayList<>();
    private static final Map<String, Seeds> SEEDS = new LinkedHashMap<>();
    /**
     * Aliases whose server returns text cut at its first NUL character. The test kit's libSQL-engine
     * server does (its Node binding reads text as C strings; its README says so); sqld, Turso Cloud,
     * tursodb and local files return NUL intact. djorm sends the whole value either way.
     */
    private static final java.util.Set<String> CUTS_TEXT_AT_NUL = new java.util.HashSet<>();

    /** What a backend looks like before any try: tables, row counts, the seed rows. */
    private record Seeds(Object bookPk, Object novelPk, Object scratchPk, List<String> tables, String counts,
                         String book, String novel) {
    }

    @BeforeContainer
    static void startBackends() {
        BackendFixture.tearDown(); // this class configures djorm itself: one alias per backend
        Map<String, Object> databases = new LinkedHashMap<>();
        for (String name : TestBackend.selected()) {
            TestBackend backend = TestBackend.start(name);
            RUNNING.add(backend);
            databases.put(databases.isEmpty() ? "default" : name, backend.databases().get("default"));
        }
        Djorm.configure(Map.of("DATABASES", databases, "INSTALLED_APPS", List.of("io.djorm.behaviour.shop")));
        for (String alias : databases.keySet()) {
            Djorm.connection(alias).createTables(MODELS.toArray(Class<?>[]::new));
            SEEDS.put(alias, seed(alias));
            Object echoed = Djorm.connection(alias).query("SELECT ?", "a\u0000b").rows().get(0)[0];
            if ("a".equals(echoed)) CUTS_TEXT_AT_NUL.add(alias);
        }
    }

    @AfterContainer
    static void stopBackends() {
        if (Djorm.isConfigured()) Djorm.shutdown();
        RUNNING.forEach(TestBackend::close);
        RUNNING.clear();
        SEEDS.clear();
        CUTS_TEXT_AT_NUL.clear();
    }

    private static Seeds seed(String alias) {
        SaveOptions using = SaveOptions.using(alias);
        Writer w = new Writer();
        w.name = "seed-writer";
        w.save(using);
        Publisher p = new Publisher();
        p.name = "seed-publisher";
        p.save(using);
        Tag t = new Tag();
        t.name = "seed-tag";
        t.save(using);
        Novel n = new Novel();
        n.title = "seed-novel";
        n.pages = 321;
        n.author.set(w);
        n.publisher.set(p);
        n.save(using);
        n.tags.add(List.of(t));
        Author a = new Author();
        a.name = "seed-author";
        a.email = "seed@example.com";
        a.save(using);
        Book b = Book.titled("seed-book");
        b.pages = 200;
        b.price = new BigDecimal("12.34");
        b.published = LocalDate.of(2024, 2, 29);
        b.lastRead = LocalDateTime.of(2024, 3, 1, 13, 45, 7, 123456000);
        b.rating = 4.5;
        b.extra = Map.of("k", List.of(1, "two"));
        b.code = UUID.fromString("00000000-0000-0000-0000-000000000015");
        b.readingTime = Duration.ofMinutes(95);
        b.cover = new byte[] {0, 1, 2, (byte) 255};
        b.save(using);
        Book scratch = Book.titled("scratch");
        scratch.save(using);
        return new Seeds(b.pk(), n.pk(), scratch.pk(), tables(alias), counts(alias), bookRow(alias, b.pk()),
                novelRow(alias, n.pk()));
    }

    private static List<String> tables(String alias) {
        List<String> names = new ArrayList<>();
        for (Object[] row : Djorm.connection(alias).query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'shop%' ORDER BY name").rows()) {
            names.add(String.valueOf(row[0]));
        }
        return names;
    }

    private static String counts(String alias) {
        StringBuilder sql = new StringBuilder("SELECT ");
        for (int i = 0; i < TABLES.size(); i++) {
            sql.append(i > 0 ? ", " : "").append("(SELECT COUNT(*) FROM \"").append(TABLES.get(i)).append("\")");
        }
        return Arrays.toString(Djorm.connection(alias).query(sql.toString()).rows().get(0));
    }

    private static String bookRow(String alias, Object pk) {
        Book b = Book.objects().using(alias).get("pk", pk);
        return Arrays.deepToString(new Object[] {b.title, b.pages, b.price, b.published, b.lastRead, b.rating, b.extra,
            b.code, b.readingTime, b.cover, b.format, b.inPrint, b.blurb, b.edition});
    }

    private static String novelRow(String alias, Object pk) {
        Novel n = Novel.objects().using(alias).selectRelated("author", "publisher").prefetchRelated("tags").get("pk", pk);
        return n.title + "|" + n.pages + "|" + n.author.get().name + "|" + n.publisher.get().name + "|"
                + n.tags.all().list().stream().map(t -> t.name).toList();
    }

    /** After every try: each backend still has its schema and seed rows, and answers. */
    @AfterTry
    void everyBackendIsIntact() {
        for (var e : SEEDS.entrySet()) {
            String alias = e.getKey();
            Seeds s = e.getValue();
            assertThat(Djorm.connection(alias).query("SELECT 1").rows().get(0)[0]).as(alias).isEqualTo(1L);
            assertThat(tables(alias)).as(alias + " tables").isEqualTo(s.tables());
            assertThat(counts(alias)).as(alias + " row counts").isEqualTo(s.counts());
            assertThat(bookRow(alias, s.bookPk())).as(alias + " seed book").isEqualTo(s.book());
            assertThat(novelRow(alias, s.novelPk())).as(alias + " seed novel").isEqualTo(s.novel());
        }
    }

    /** Runs one call on every backend; a djorm exception is an answer, any other exception fails the property. */
    private static void onEveryBackend(String what, java.util.function.Consumer<String> call) {
        for (String alias : SEEDS.keySet()) {
            try {
                call.accept(alias);
            } catch (DjormException expected) {
                // refused with a djorm error: the property holds
            } catch (RuntimeException | Error e) {
                throw new AssertionError(what + " on " + alias + " threw " + e.getClass().getName()
                        + ", not a DjormException: " + e.getMessage(), e);
            }
        }
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void filterExcludeAndQ(@ForAll("names") String name, @ForAll("values") Object value,
                           @ForAll("names") String other, @ForAll("values") Object otherValue) {
        onEveryBackend("filter", a -> Book.objects().using(a).filter(name, value).count());
        onEveryBackend("exclude", a -> Book.objects().using(a).exclude(name, value).list());
        onEveryBackend("Q", a -> Book.objects().using(a).filter(Q.of(name, value).or(Q.not(Q.of(other, otherValue))))
                .exists());
        onEveryBackend("filter through relations", a -> Novel.objects().using(a).filter(name, value).exclude(other, otherValue)
                .list());
        onEveryBackend("get", a -> Writer.objects().using(a).get(name, value));
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void orderByValuesAnnotateAndF(@ForAll("orderTerms") String term, @ForAll("names") String name,
                                   @ForAll("text") String alias, @ForAll("values") Object value) {
        onEveryBackend("orderBy", a -> Book.objects().using(a).orderBy(term).list());
        onEveryBackend("values", a -> Book.objects().using(a).values(name).list());
        onEveryBackend("valuesList", a -> Novel.objects().using(a).valuesList(name, term).list());
        onEveryBackend("annotate F", a -> Book.objects().using(a).annotate(alias, F(name)).list());
        onEveryBackend("annotate F arithmetic", a -> Book.objects().using(a).annotate("computed", F(name).plus(value))
                .values("computed").list());
        onEveryBackend("annotate Value", a -> Book.objects().using(a).annotate(alias, Value.of(value)).list());
        onEveryBackend("filter F", a -> Book.objects().using(a).filter(name, F(term.replace("-", ""))).count());
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void selectAndPrefetchRelated(@ForAll("names") String path, @ForAll("names") String second) {
        onEveryBackend("selectRelated", a -> Novel.objects().using(a).selectRelated(path).list());
        onEveryBackend("prefetchRelated", a -> Writer.objects().using(a).prefetchRelated(path, second).list());
        onEveryBackend("prefetchRelated on novels", a -> Novel.objects().using(a).prefetchRelated(path).list());
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void updateCreateAndSave(@ForAll("bookFields") String field, @ForAll("values") Object value, @ForAll("text") String title,
                             @ForAll("dates") LocalDate date, @ForAll("decimals") BigDecimal price,
                             @ForAll("doubles") double rating) {
        onEveryBackend("update", a -> Book.objects().using(a).filter("pk", SEEDS.get(a).scratchPk()).update(field, value));
        onEveryBackend("read after update", a -> Book.objects().using(a).get("pk", SEEDS.get(a).scratchPk()));
        onEveryBackend("create", a -> deleteLater(Book.objects().using(a).create("title", "created", field, value)));
        onEveryBackend("save", a -> {
            Book b = Book.titled(title);
            b.edition = 7;
            b.published = date;
            b.price = price;
            b.rating = rating;
            b.blurb = title;
            b.save(SaveOptions.using(a));
            try {
                Book back = Book.objects().using(a).get("pk", b.pk());
                // what was accepted reads back unchanged: nothing was cut, replaced or garbled
                String stored = CUTS_TEXT_AT_NUL.contains(a) && title.indexOf('\u0000') >= 0
                        ? title.substring(0, title.indexOf('\u0000')) : title;
                assertThat(back.title).isEqualTo(stored);
                assertThat(back.blurb).isEqualTo(stored);
                assertThat(back.published).isEqualTo(date);
                if (price != null) assertThat(back.price).isEqualByComparingTo(price);
            } finally {
                b.delete(a);
            }
        });
    }

    private static void deleteLater(Model created) {
        created.delete(created.db());
    }

    @Property(tries = TRIES, seed = SEED, shrinking = ShrinkingMode.BOUNDED)
    void rawSqlParameters(@ForAll("values") Object value, @ForAll("values") Object other) {
        onEveryBackend("raw query", a -> Djorm.connection(a).query("SELECT ? AS v", value));
        onEveryBackend("raw where", a -> Djorm.connection(a).query(
                "SELECT COUNT(*) FROM \"shop_book\" WHERE \"title\" = ? OR \"pages\" = ?", value, other));
        onEveryBackend("raw queryset", a -> Book.objects().raw(
                "SELECT * FROM \"shop_book\" WHERE \"title\" = ?", value).using(a).list());
        onEveryBackend("raw update of nothing", a -> Djorm.connection(a).execute(
                "UPDATE \"shop_book\" SET \"blurb\" = ? WHERE 1 = 0", value));
        for (String alias : SEEDS.keySet()) {
            try {
                Djorm.connection(alias).query("SELECT ? AS a, ? AS b", value);
                throw new AssertionError("a missing raw parameter was bound silently on " + alias);
            } catch (DataError expected) {
                // one value per '?' on every backend
            }
        }
    }

    // ---- generators -----------------------------------------------------------------------------

    @Provide
    Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
                net.jqwik.api.Tuple.of(2, Arbitraries.strings().withChars("_ \"'`;-()%*?\\\u0000\n\t.[]$@:aZ09").ofMaxLength(10)),
                net.jqwik.api.Tuple.of(3, Arbitraries.of(SPECIAL_TEXT)));
    }

    @Provide
    Arbitrary<String> names() {
        Arbitrary<String> parts = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.of(NAME_PARTS)),
                net.jqwik.api.Tuple.of(1, text()));
        return parts.list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("__", l));
    }

    /** Mostly Book's own fields, so that every field kind meets every kind of value; sometimes any name. */
    @Provide
    Arbitrary<String> bookFields() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of("title", "edition", "pages", "price", "published", "lastRead",
                        "rating", "inPrint", "format", "blurb", "extra", "code", "readingTime", "cover", "created",
                        "modified", "id")),
                net.jqwik.api.Tuple.of(1, names()));
    }

    @Provide
    Arbitrary<String> orderTerms() {
        return Arbitraries.oneOf(names(), names().map(n -> "-" + n), Arbitraries.of("?", "-", "pk", "-pk", "--title"));
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(LocalDate.of(-3000, 1, 1).toEpochDay(), LocalDate.of(12000, 1, 1).toEpochDay())
                        .map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.MIN, LocalDate.MAX, LocalDate.of(1, 1, 1), LocalDate.of(9999, 12, 31),
                        LocalDate.of(10000, 1, 1), LocalDate.of(0, 12, 31), LocalDate.of(2024, 2, 29)));
    }

    @Provide
    Arbitrary<BigDecimal> decimals() {
        return Arbitraries.oneOf(
                Arbitraries.bigDecimals().between(new BigDecimal("-1E9"), new BigDecimal("1E9")).ofScale(3),
                Arbitraries.of(new BigDecimal("1E+400"), new BigDecimal("-1E-400"), new BigDecimal("123456.78"),
                        new BigDecimal("999999.99"), new BigDecimal("0.005"), BigDecimal.ZERO));
    }

    @Provide
    Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.doubles(), Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE, Double.MAX_VALUE));
    }

    @Provide
    Arbitrary<Object> values() {
        return Arbitraries.oneOf(
                text().map(v -> (Object) v),
                Arbitraries.longs().map(v -> (Object) v),
                Arbitraries.integers().map(v -> (Object) v),
                doubles().map(v -> (Object) v),
                decimals().map(v -> (Object) v),
                dates().map(v -> (Object) v),
                dates().map(d -> (Object) d.atTime(23, 59, 59, 999_999_999)),
                Arbitraries.of(true, false).map(v -> (Object) v),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(8).map(v -> (Object) v),
                Arbitraries.of(UUID.fromString("00000000-0000-0000-0000-000000000015"), Duration.ofDays(-3),
                        Duration.ofSeconds(Long.MAX_VALUE), BigInteger.TWO.pow(80), 'x', 1.5f, (short) 7,
                        new StringBuilder("sb"), new int[] {1, 2}, List.of(1, "two"), List.of(), Map.of("k", "v"),
                        new Object())).injectNull(0.05);
    }
}
