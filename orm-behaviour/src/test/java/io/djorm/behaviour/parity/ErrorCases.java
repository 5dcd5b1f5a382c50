package io.djorm.behaviour.parity;

import io.djorm.core.expressions.Count;

/** Twin of corpus/errors.py: each mistake raises the djorm twin of Django's exception. */
final class ErrorCases implements CaseSource {
    @Override
    public void define(Corpus c) {
        var book = Book.objects();
        c.add("errors.get_multiple", () -> book.get("printed", true));
        c.add("errors.get_none", () -> book.get("title", "Missing"));
        c.add("errors.get_related_none", () -> Author.objects().get("books__title", "Missing"));
        c.add("errors.reverse_o2o_missing", () -> Author.objects().get("pk", 3).profile());
        c.add("errors.unknown_field", () -> book.filter("nope", 1).list());
        c.add("errors.unknown_related_field", () -> book.filter("author__nope", 1).list());
        c.add("errors.unknown_lookup", () -> book.filter("pages__nope", 1).list());
        c.add("errors.transform_on_text", () -> book.filter("title__year", 2000).list());
        c.add("errors.order_by_unknown", () -> book.orderBy("nope").list());
        c.add("errors.values_unknown", () -> book.values("nope").list());
        c.write("errors.unique_violation", () -> Tag.objects().create("name", "sf"));
        c.write("errors.not_null_violation", () -> Tag.objects().create("name", null));
        c.add("errors.annotate_unknown", () -> Author.objects().annotate("n", new Count("nope")).list());
    }
}
