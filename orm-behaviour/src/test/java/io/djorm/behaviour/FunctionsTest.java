package io.djorm.behaviour;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.FieldError;
import io.djorm.core.expressions.Ceil;
import io.djorm.core.expressions.Chr;
import io.djorm.core.expressions.Exp;
import io.djorm.core.expressions.Floor;
import io.djorm.core.expressions.LPad;
import io.djorm.core.expressions.LTrim;
import io.djorm.core.expressions.Left;
import io.djorm.core.expressions.Length;
import io.djorm.core.expressions.Ln;
import io.djorm.core.expressions.Log;
import io.djorm.core.expressions.Mod;
import io.djorm.core.expressions.NullIf;
import io.djorm.core.expressions.Ord;
import io.djorm.core.expressions.Power;
import io.djorm.core.expressions.RPad;
import io.djorm.core.expressions.RTrim;
import io.djorm.core.expressions.Repeat;
import io.djorm.core.expressions.Reverse;
import io.djorm.core.expressions.Right;
import io.djorm.core.expressions.Sign;
import io.djorm.core.expressions.Sqrt;
import io.djorm.core.expressions.StrIndex;
import io.djorm.core.expressions.Trim;
import io.djorm.core.expressions.Value;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3: Django's text and math functions, with NULL and non-ASCII inputs, checked
 * against the values Django defines (not against the engine's own functions).
 */
class FunctionsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    /** Two authors: non-ASCII letters, padding spaces, a NULL email and an empty website. */
    private static void authors() {
        Author.objects().create("name", "Zoë Ångström", "email", "zoe@example.org", "website", "");
        Author.objects().create("name", "  Bob  ", "email", null, "website", "");
    }

    private static List<Object> column(String annotation, io.djorm.core.expressions.Expression e) {
        return firsts(Author.objects().annotate(annotation, e).orderBy("-name").valuesList(annotation));
    }

    /** The first value of each row (valuesList, so that NULLs come through). */
    static List<Object> firsts(Iterable<List<Object>> rows) {
        List<Object> out = new java.util.ArrayList<>();
        for (List<Object> row : rows) out.add(row.get(0));
        return out;
    }

    @Test
    void leftRightAndStrIndexCountCharactersNotBytes() {
        authors();
        assertThat(column("x", new Left("name", 3))).containsExactly("Zoë", "  B");
        assertThat(column("x", new Left("email", 3))).containsExactly("zoe", null);
        assertThat(column("x", new Right("name", 4))).containsExactly("tröm", "ob  ");
        assertThat(column("x", new StrIndex("name", Value.of("Å")))).containsExactly(5L, 0L);
        assertThat(column("x", new StrIndex("email", Value.of("@")))).containsExactly(4L, null);
        assertThat(column("x", new Left("name", F("id")))).hasSize(2);
    }

    @Test
    void padsCutLongTextAndRepeatTheFill() {
        authors();
        assertThat(column("x", new LPad("email", 18, Value.of("*-")))).containsExactly("*-*zoe@example.org", null);
        assertThat(column("x", new LPad("name", 3))).containsExactly("Zoë", "  B");
        assertThat(column("x", new LPad("name", 9))).containsExactly("Zoë Ångst", "    Bob  ");
        assertThat(column("x", new RPad("name", 14, Value.of("é")))).containsExactly("Zoë Ångströméé", "  Bob  ééééééé");
        assertThat(column("x", new RPad("name", 10, Value.of("")))).containsExactly("Zoë Ångstr", "  Bob  ");
        assertThat(column("x", new LPad("name", 20, Value.of(null)))).containsExactly(null, null);
    }

    @Test
    void repeatAndReverse() {
        authors();
        assertThat(column("x", new Repeat("name", 2))).containsExactly("Zoë ÅngströmZoë Ångström", "  Bob    Bob  ");
        assertThat(column("x", new Repeat(Value.of("ä"), 3))).containsExactly("äää", "äää");
        assertThat(column("x", new Repeat("name", 0))).containsExactly("", "");
        assertThat(column("x", new Repeat("email", 2))).containsExactly("zoe@example.orgzoe@example.org", null);
        assertThat(column("x", new Reverse("name"))).containsExactly("mörtsgnÅ ëoZ", "  boB  ");
        assertThat(column("x", new Reverse("email"))).containsExactly("gro.elpmaxe@eoz", null);
        assertThat(column("x", new Reverse("website"))).containsExactly("", "");
        // A function of a function, and a reversed text in a filter.
        assertThat(column("x", new Length(new Reverse("name")))).containsExactly(12L, 7L);
        assertThat(Author.objects().annotate("r", new Reverse("name")).filter("r__startswith", "mör").count()).isEqualTo(1);
    }

    @Test
    void trimsChrAndOrd() {
        authors();
        assertThat(column("x", new Trim("name"))).containsExactly("Zoë Ångström", "Bob");
        assertThat(column("x", new LTrim("name"))).containsExactly("Zoë Ångström", "Bob  ");
        assertThat(column("x", new RTrim("name"))).containsExactly("Zoë Ångström", "  Bob");
        assertThat(column("x", new RTrim("email"))).containsExactly("zoe@example.org", null);
        assertThat(column("x", new Chr(Value.of(937)))).containsExactly("Ω", "Ω");
        assertThat(column("x", new Chr(new Ord("name")))).containsExactly("Z", " ");
        assertThat(column("x", new Ord(new Right("name", 1)))).containsExactly((long) 'm', (long) ' ');
        assertThat(column("x", new Ord("email"))).containsExactly((long) 'z', null);
    }

    @Test
    void textArgumentsAreCheckedWhenBuilt() {
        assertThatThrownBy(() -> new Left("name", 0)).isInstanceOf(FieldError.class).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new Right("name", null)).isInstanceOf(FieldError.class);
        assertThatThrownBy(() -> new LPad("name", -1)).isInstanceOf(FieldError.class).hasMessageContaining("at least 0");
        assertThatThrownBy(() -> new Repeat("name", -2)).isInstanceOf(FieldError.class);
    }

    /** Three books: a positive float and decimal, NULLs, and a negative float with a zero page count. */
    private static void books() {
        Book.objects().create("title", "A", "pages", 9, "price", new BigDecimal("2.25"), "rating", 2.0);
        Book.objects().create("title", "B", "pages", 10, "price", null, "rating", null);
        Book.objects().create("title", "C", "pages", 0, "price", new BigDecimal("-3.50"), "rating", -1.5);
    }

    private static List<Object> numbers(io.djorm.core.expressions.Expression e) {
        return firsts(Book.objects().annotate("x", e).orderBy("title").valuesList("x"));
    }

    private static void close(List<Object> actual, Double... expected) {
        assertThat(actual).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            if (expected[i] == null) {
                assertThat(actual.get(i)).as("row %d", i).isNull();
            } else {
                assertThat(actual.get(i)).as("row %d", i).isInstanceOf(Double.class);
                assertThat((Double) actual.get(i)).as("row %d", i).isCloseTo(expected[i], within(1e-9));
            }
        }
    }

    @Test
    void sqrtExpLnLogAndPowerOfIntegersAreFloats() {
        books();
        close(numbers(new Sqrt("pages")), 3.0, Math.sqrt(10), 0.0);
        close(numbers(new Sqrt("rating")), Math.sqrt(2), null, null);   // the root of -1.5 is NULL
        close(numbers(new Exp("rating")), Math.exp(2), null, Math.exp(-1.5));
        close(numbers(new Ln("pages")), Math.log(9), Math.log(10), null);   // ln 0 is NULL
        close(numbers(new Log(2, "pages")), Math.log(9) / Math.log(2), Math.log(10) / Math.log(2), null);
        close(numbers(new Log(10, Value.of(1000))), 3.0, 3.0, 3.0);
        close(numbers(new Power("pages", 2)), 81.0, 100.0, 0.0);
        close(numbers(new Power("rating", "pages")), 512.0, null, 1.0);
    }

    @Test
    void modFollowsTheDividendsSignAndIsNullForZeroDivisors() {
        books();
        close(numbers(new Mod("pages", 4)), 1.0, 2.0, 0.0);
        close(numbers(new Mod(Value.of(-7), Value.of(3))), -1.0, -1.0, -1.0);
        close(numbers(new Mod("rating", 1)), 0.0, null, -0.5);
        close(numbers(new Mod("pages", Value.of(0))), null, null, null);
    }

    @Test
    void ceilFloorAndSignKeepTheSourceType() {
        books();
        close(numbers(new Ceil("rating")), 2.0, null, -1.0);
        close(numbers(new Floor("rating")), 2.0, null, -2.0);
        close(numbers(new Sign("rating")), 1.0, null, -1.0);
        assertThat(numbers(new Sign("pages"))).containsExactly(1, 1, 0);
        assertThat(numbers(new Ceil("pages"))).containsExactly(9, 10, 0);
        List<Object> ceil = numbers(new Ceil("price"));
        assertThat(ceil.get(0)).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) ceil.get(0)).compareTo(new BigDecimal("3"))).isZero();
        assertThat(ceil.get(1)).isNull();
        assertThat(((BigDecimal) numbers(new Floor("price")).get(2)).compareTo(new BigDecimal("-4"))).isZero();
        assertThat(numbers(new Sqrt("price")).get(0)).isInstanceOf(BigDecimal.class);
        assertThat(((BigDecimal) numbers(new Sqrt("price")).get(0)).compareTo(new BigDecimal("1.5"))).isZero();
    }

    @Test
    void nullIfAndMathInFilters() {
        books();
        assertThat(numbers(new NullIf("pages", 10))).containsExactly(9, null, 0);
        assertThat(Book.objects().annotate("r", new Sqrt("pages")).filter("r__gt", 3.0).valuesListFlat("title").list())
                .containsExactly("B");
        assertThat(Book.objects().filter("pages__gt", new Power(Value.of(2), Value.of(3))).valuesListFlat("title").list())
                .containsExactly("A", "B");
        Map<String, Object> row = Book.objects().filter("title", "A")
                .values("title").annotate("s", new Sign(F("rating").times(-1))).get();
        assertThat(row.get("s")).isEqualTo(-1.0);
        assertThat(Arrays.asList(numbers(new Power("price", Value.of(null))).toArray())).containsOnlyNulls();
    }
}
