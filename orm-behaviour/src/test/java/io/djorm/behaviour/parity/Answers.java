package io.djorm.behaviour.parity;

import io.djorm.core.Model;
import io.djorm.core.QuerySet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Small helpers that turn djorm results into the shapes the Django side records. */
final class Answers {
    private Answers() {
    }

    /** The primary keys of a queryset's instances, in the queryset's order. */
    static List<Object> ids(QuerySet<? extends Model> qs) {
        List<Object> out = new ArrayList<>();
        for (Model m : qs) out.add(m.pk());
        return out;
    }

    /** The primary keys of some instances. */
    static List<Object> pks(Iterable<? extends Model> models) {
        List<Object> out = new ArrayList<>();
        for (Model m : models) out.add(m.pk());
        return out;
    }

    /** A list of values (a row or a small tuple). */
    static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
