package io.djorm.behaviour;

import static io.djorm.core.expressions.F.F;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Book;
import io.djorm.behaviour.shop.Novel;
import io.djorm.behaviour.shop.Review;
import io.djorm.behaviour.shop.Writer;
import io.djorm.core.FieldError;
import io.djorm.core.Q;
import io.djorm.core.expressions.Case;
import io.djorm.core.expressions.Exists;
import io.djorm.core.expressions.OuterRef;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.When;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14, section 3: Q holding an expression, negated Exists, unary minus and transforms inside F.
 */
class ExpressionConditionsTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Writer.class, io.djorm.behaviour.shop.Publisher.class, io.djorm.behaviour.shop.Tag.class,
                Novel.class, Review.class, Book.class);
    }

    /** Four novels: Dune (two reviews, one of 5 stars), Emma (one of 2 stars), Ulysses (800 pages, none), Walden (none). */
    private static void novels() {
        Writer w = Writer.named("Ann");
        Novel dune = Novel.by(w, "Dune", 412);
        Novel emma = Novel.by(w, "Emma", 474);
        Novel.by(w, "Ulysses", 800);
        Novel.by(w, "Walden", 352);
        Review.objects().create("novel", dune, "stars", 5);
        Review.objects().create("novel", dune, "stars", 3);
        Review.objects().create("novel", emma, "stars", 2);
    }

    private static Exists starred() {
        return new Exists(Review.objects().filter("novel", OuterRef.of("pk"), "stars__gte", 4));
    }

    private static List<String> titles(io.djorm.core.QuerySet<Novel> qs) {
        return qs.orderBy("title").valuesListFlat("title", String.class).list();
    }

    @Test
    void qHoldingAnExpressionCombinesWithLookups() {
        novels();
        assertThat(titles(Novel.objects().filter(Q.of(starred()).or(Q.of("pages__gt", 700))))).containsExactly("Dune", "Ulysses");
        assertThat(titles(Novel.objects().filter(Q.of("pages__lt", 450).and(Q.of(starred()))))).containsExactly("Dune");
        assertThat(titles(Novel.objects().exclude(Q.of(starred()).or(Q.of("title", "Walden"))))).containsExactly("Emma", "Ulysses");
        assertThat(titles(Novel.objects().filter(Q.of(starred()).negate()))).containsExactly("Emma", "Ulysses", "Walden");
    }

    @Test
    void negatedExistsFiltersAndAnnotates() {
        novels();
        Exists reviewed = new Exists(Review.objects().filter("novel", OuterRef.of("pk")));
        assertThat(titles(Novel.objects().filter(reviewed.negate()))).containsExactly("Ulysses", "Walden");
        assertThat(titles(Novel.objects().filter(reviewed.negate().negate()))).containsExactly("Dune", "Emma");
        assertThat(titles(Novel.objects().exclude(reviewed.negate()))).containsExactly("Dune", "Emma");
        assertThat(Novel.objects().annotate("unreviewed", reviewed.negate()).orderBy("title")
                .valuesListFlat("unreviewed", Boolean.class).list()).containsExactly(false, false, true, true);
        assertThat(reviewed.negate().toString()).startsWith("~Exists(");
        // In a Case condition, through Q.
        var label = new Case(new When(Q.of(reviewed.negate()), Value.of("new"))).otherwise(Value.of("read"));
        assertThat(Novel.objects().annotate("l", label).orderBy("title").valuesListFlat("l", String.class).list())
                .containsExactly("read", "read", "new", "new");
    }

    @Test
    void unaryMinusOfAnExpression() {
        novels();
        assertThat(Novel.objects().orderBy(F("pages").neg()).valuesListFlat("title", String.class).list())
                .containsExactly("Ulysses", "Emma", "Dune", "Walden");
        assertThat(Novel.objects().annotate("m", F("pages").neg()).filter("m__lt", -450).orderBy("title")
                .valuesListFlat("m").list()).containsExactly(-474, -800);
        assertThat(Novel.objects().annotate("m", F("pages").plus(8).neg()).filter("title", "Dune").valuesListFlat("m").get())
                .isEqualTo(-420);
        Novel.objects().filter("title", "Walden").update("pages", F("pages").neg().plus(1000));
        assertThat(Novel.objects().get("title", "Walden").pages).isEqualTo(648);
    }

    @Test
    void transformsInsideF() {
        Book b = Book.titled("Dune");
        b.published = LocalDate.of(1965, 8, 1);
        b.pages = 1965;
        b.save();
        Book c = Book.titled("Emma");
        c.published = LocalDate.of(1815, 12, 23);
        c.pages = 12;
        c.save();
        assertThat(Book.objects().filter("pages", F("published__year")).valuesListFlat("title", String.class).list())
                .containsExactly("Dune");
        assertThat(Book.objects().filter("pages", F("published__month")).valuesListFlat("title", String.class).list())
                .containsExactly("Emma");
        assertThat(Book.objects().annotate("y", F("published__year").plus(1)).orderBy("y").valuesListFlat("y").list())
                .containsExactly(1816, 1966);
        assertThatThrownBy(() -> Book.objects().filter("pages", F("published__decade")))
                .isInstanceOf(FieldError.class).hasMessageContaining("'decade'");
        assertThatThrownBy(() -> Book.objects().filter("pages", F("title__year")))
                .isInstanceOf(FieldError.class).hasMessageContaining("'year'");
    }
}
