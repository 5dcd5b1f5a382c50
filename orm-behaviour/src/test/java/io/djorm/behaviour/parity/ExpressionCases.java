package io.djorm.behaviour.parity;

import static io.djorm.behaviour.parity.Answers.ids;
import static io.djorm.core.expressions.F.F;

import io.djorm.core.Manager;
import io.djorm.core.Model;
import io.djorm.core.Q;
import io.djorm.core.QuerySet;
import io.djorm.core.expressions.Abs;
import io.djorm.core.expressions.Case;
import io.djorm.core.expressions.Cast;
import io.djorm.core.expressions.Coalesce;
import io.djorm.core.expressions.Concat;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.ExpressionWrapper;
import io.djorm.core.expressions.Extract;
import io.djorm.core.expressions.Greatest;
import io.djorm.core.expressions.Least;
import io.djorm.core.expressions.Length;
import io.djorm.core.expressions.Lower;
import io.djorm.core.expressions.Now;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Replace;
import io.djorm.core.expressions.Round;
import io.djorm.core.expressions.Substr;
import io.djorm.core.expressions.Trim;
import io.djorm.core.expressions.TruncDate;
import io.djorm.core.expressions.Upper;
import io.djorm.core.expressions.Value;
import io.djorm.core.expressions.When;
import java.util.function.Supplier;

/** Twin of corpus/expressions.py: F arithmetic, Case/When, Coalesce, functions, Cast, Extract, TruncDate. */
final class ExpressionCases implements CaseSource {
    private static void x(Corpus c, String id, Manager<? extends Model> m, Supplier<Expression> e) {
        c.add("expressions." + id, () -> m.annotate("x", e.get()).valuesList("id", "x").list());
    }

    private static void f(Corpus c, String id, Supplier<QuerySet<? extends Model>> qs) {
        c.add("expressions." + id, () -> ids(qs.get()));
    }

    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        var author = Author.objects();
        x(c, "int_plus_int", book, () -> F("pages").plus(1));
        x(c, "int_times_int", book, () -> F("pages").times(2));
        x(c, "int_div_int", book, () -> F("pages").div(3));
        x(c, "int_mod_int", book, () -> F("pages").mod(7));
        x(c, "int_minus_self", book, () -> F("pages").minus(F("pages")));
        x(c, "decimal_plus_int", book, () -> F("price").plus(1));
        x(c, "decimal_times_int", book, () -> F("price").times(2));
        x(c, "decimal_plus_decimal", book, () -> F("price").plus(F("price")));
        x(c, "decimal_times_field_int", book, () -> F("price").times(F("pages")));
        x(c, "decimal_div_int_literal", book, () -> F("price").div(4));
        x(c, "float_times_int", author, () -> F("rating").times(2));
        x(c, "float_plus_float", author, () -> F("rating").plus(F("rating")));
        x(c, "across_fk", book, () -> F("pages").plus(F("author__id")));
        x(c, "wrapper_decimal", book, () -> new ExpressionWrapper(F("price").times(F("pages")), OutputFields.DECIMAL));
        x(c, "wrapper_float", book, () -> new ExpressionWrapper(F("pages").div(3.0), OutputFields.FLOAT));
        x(c, "case_text", book, () -> new Case(new When("pages__gte", 400, Value.of("long")),
                new When("pages__lt", 150, Value.of("short"))).otherwise(Value.of("medium")));
        x(c, "case_no_default", book, () -> new Case(new When("price__gt", 20, Value.of("dear"))));
        x(c, "case_int", book, () -> new Case(new When("printed", true, Value.of(1))).otherwise(Value.of(0)));
        x(c, "case_q", book, () -> new Case(new When(Q.of("publisher__isnull", true).or(Q.of("price__isnull", true)),
                Value.of("gap"))).otherwise(Value.of("ok")));
        x(c, "case_field_then", book, () -> new Case(new When("pages__isnull", true, Value.of(0))).otherwise(F("pages")));
        x(c, "case_decimal_then", book, () -> new Case(new When("price__isnull", true, Value.of(0))).otherwise(F("price")));
        x(c, "coalesce_int", book, () -> new Coalesce("pages", Value.of(0)));
        x(c, "coalesce_text_fk", book, () -> new Coalesce("publisher__country", Value.of("??")));
        x(c, "coalesce_two_fields", author, () -> new Coalesce("email", "name"));
        x(c, "coalesce_decimal", book, () -> new Coalesce("price", Value.of(0)));
        x(c, "lower_nonascii", book, () -> new Lower("title"));
        x(c, "upper_nonascii", book, () -> new Upper("title"));
        x(c, "length", book, () -> new Length("title"));
        x(c, "length_null", author, () -> new Length("email"));
        x(c, "concat", book, () -> new Concat("title", Value.of(" / "), "author__name"));
        x(c, "concat_null", author, () -> new Concat("name", Value.of(" <"), "email", Value.of(">")));
        x(c, "substr_two", book, () -> new Substr("title", 1, 3));
        x(c, "substr_from", book, () -> new Substr("title", 5));
        x(c, "trim", Profile.objects(), () -> new Trim(new Concat(Value.of("  "), "bio", Value.of(" "))));
        x(c, "replace", book, () -> new Replace("title", Value.of("Dune"), Value.of("Arrakis")));
        x(c, "replace_remove", book, () -> new Replace("title", Value.of("e")));
        x(c, "greatest_null", book, () -> new Greatest("pages", Value.of(300)));
        x(c, "least", book, () -> new Least("pages", Value.of(300)));
        x(c, "abs", book, () -> new Abs(F("pages").minus(400)));
        x(c, "round_decimal", book, () -> new Round("price"));
        x(c, "round_float", author, () -> new Round("rating"));
        x(c, "cast_int_float", book, () -> new Cast("pages", OutputFields.FLOAT));
        x(c, "cast_decimal_int", book, () -> new Cast("price", OutputFields.INTEGER));
        x(c, "cast_int_text", book, () -> new Cast("pages", OutputFields.TEXT));
        x(c, "extract_year", book, () -> new Extract("published", "year"));
        x(c, "extract_month", book, () -> new Extract("published", "month"));
        x(c, "extract_day", book, () -> new Extract("opened", "day"));
        x(c, "extract_hour", book, () -> new Extract("opened", "hour"));
        x(c, "extract_minute", book, () -> new Extract("opened", "minute"));
        x(c, "extract_second", book, () -> new Extract("opened", "second"));
        x(c, "extract_week_day", book, () -> new Extract("published", "week_day"));
        x(c, "trunc_date", book, () -> new TruncDate("opened"));
        x(c, "trunc_date_profile", Profile.objects(), () -> new TruncDate("joined"));
        x(c, "value_int", book, () -> Value.of(7));
        x(c, "value_text", book, () -> Value.of("x'y"));
        f(c, "filter_f_compare", () -> book.filter("price__gt", F("pages").div(40)));
        f(c, "filter_f_same_row", () -> book.filter("pages__lt", F("id").times(30)));
        f(c, "filter_f_across_fk", () -> book.filter("editor", F("author__mentor")));
        f(c, "filter_annotation_case", () -> book.annotate("x", new Case(new When("pages__gt", 300, Value.of(1)))
                .otherwise(Value.of(0))).filter("x", 1));
        f(c, "filter_lower", () -> book.annotate("x", new Lower("title")).filter("x__startswith", "the"));
        f(c, "filter_length", () -> book.annotate("x", new Length("title")).filter("x__lt", 6));
        f(c, "filter_coalesce", () -> book.annotate("x", new Coalesce("pages", Value.of(0))).filter("x__lt", 100));
        f(c, "filter_now", () -> book.filter("opened__lt", new Now()));
        f(c, "order_by_case", () -> book.orderBy(new Case(new When("printed", false, Value.of(0))).otherwise(Value.of(1)), "id"));
        f(c, "order_by_coalesce", () -> book.orderBy(new Coalesce("price", Value.of(0)).desc(), "id"));
        x(c, "mixed_float_int", author, () -> F("rating").plus(F("id")));
        c.add("expressions.mixed_decimal_float", () -> book.annotate("x", F("price").plus(F("author__rating"))).list());
        f(c, "decimal_minus_decimal_filter", () -> book.filter("price__gt", F("price").minus(new java.math.BigDecimal("0.01"))));
        c.add("expressions.case_in_aggregate", () -> java.util.List.of(book.aggregate("s", new io.djorm.core.expressions.Sum(
                new Case(new When("printed", true, F("pages"))).otherwise(Value.of(0)))).get("s")));
    }
}
