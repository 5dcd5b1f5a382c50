package io.djorm.behaviour.parity;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The Java side of the parity corpus: one case per id of the Django-generated JSON, each written with
 * djorm's public API. A case returns its answer (instances, lists, maps, values: see {@link Answers})
 * or throws the djorm exception that twins Django's.
 */
final class Corpus {
    /** One Java case: its body and whether it writes (the dataset is reloaded after a writing case). */
    record Case(String id, Callable<Object> body, boolean writes) {
    }

    private final Map<String, Case> cases = new LinkedHashMap<>();

    /** A case that only reads. */
    void add(String id, Callable<Object> body) {
        put(new Case(id, body, false));
    }

    /** A case that writes: it runs on the fixed dataset, which is reloaded afterwards. */
    void write(String id, Callable<Object> body) {
        put(new Case(id, body, true));
    }

    private void put(Case c) {
        if (cases.putIfAbsent(c.id(), c) != null) throw new IllegalStateException("case " + c.id() + " is defined twice");
    }

    Map<String, Case> cases() {
        return cases;
    }

    /** Every case of every topic. */
    static Corpus all() {
        Corpus c = new Corpus();
        for (CaseSource source : CaseSource.TOPICS) source.define(c);
        return c;
    }
}
