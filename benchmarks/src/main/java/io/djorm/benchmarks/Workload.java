package io.djorm.benchmarks;

import io.djorm.benchmarks.model.Item;
import java.util.ArrayList;
import java.util.List;

/** Rows the libSQL benchmarks insert. */
final class Workload {
    private Workload() {
    }

    /** {@code n} unsaved items named {@code prefix-i}. */
    static List<Item> items(int n, String prefix) {
        List<Item> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Item it = new Item();
            it.name = prefix + "-" + i;
            it.quantity = i % 100;
            it.price = i * 0.5;
            it.active = true;
            out.add(it);
        }
        return out;
    }
}
