package io.djorm.core.internal;

import io.djorm.core.Model;
import io.djorm.core.Ref;
import io.djorm.core.internal.fields.IntegerKeys;
import io.djorm.core.internal.query.Join;
import io.djorm.core.internal.query.Query;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.RowCursor;
import java.util.List;

/**
 * Reads the related instances a {@code selectRelated} query carries to the right of each row and puts
 * them into the holders of the instances they belong to (or, for a reverse one-to-one, the parent's
 * related-object cache), so that reading them needs no query.
 */
final class SelectedRelations {
    private final List<Query.RelatedSelection> selections;
    private final Hydrator<?>[] hydrators;
    /** The holder each selection is put into (its {@code via} foreign key's), resolved once per query. */
    private final RefField[] holders;
    /**
     * Per selection, whether its primary key is the key its parent's foreign key already holds (see
     * {@link #keyFromParent}): then that column is not read again.
     */
    private final boolean[] keyFromParent;
    /** The instances of the current row, by selection; one array per query, not per row. */
    private final Model[] loaded;
    /** Per selection, the index of its parent selection, or -1 for the base model (read once, not per row). */
    private final int[] parents;
    /** Per selection, whether it is a reverse one-to-one. */
    private final boolean[] reverse;

    /**
     * Readers for the selections, whose columns start at {@code firstColumn}; the base model's columns
     * are {@code baseFields}, and {@code joins} are the query's (whether each selection's is INNER).
     */
    SelectedRelations(List<Query.RelatedSelection> selections, List<FieldMeta> baseFields, List<Join> joins,
                      int firstColumn, String alias) {
        this.selections = selections;
        int n = selections.size();
        this.hydrators = new Hydrator<?>[n];
        this.holders = new RefField[n];
        this.keyFromParent = new boolean[n];
        this.loaded = new Model[n];
        this.parents = new int[n];
        this.reverse = new boolean[n];
        int offset = firstColumn;
        for (int i = 0; i < n; i++) {
            Query.RelatedSelection s = selections.get(i);
            List<FieldMeta> fields = s.model().concreteFields();
            hydrators[i] = Hydrators.of(s.model(), fields, List.of(), List.of(), alias, offset);
            holders[i] = RefFields.of(s.via());
            List<FieldMeta> parentFields = s.parent() < 0 ? baseFields : selections.get(s.parent()).model().concreteFields();
            keyFromParent[i] = keyFromParent(s, parentFields, joins);
            parents[i] = s.parent();
            reverse[i] = s.reverse();
            offset += fields.size();
        }
    }

    /**
     * Whether the selection's primary key can be taken from its parent's foreign key instead of its own
     * column: the foreign key points at that primary key, is loaded on the parent and read as the key
     * itself, the key is an integer (SQL equality of the join is then equality of the numbers read),
     * and the join is INNER (a row exists only where the keys matched; a LEFT JOIN's dangling key
     * must still be seen as "no row" from the joined NULL key).
     */
    static boolean keyFromParent(Query.RelatedSelection s, List<FieldMeta> parentFields, List<Join> joins) {
        if (s.reverse() || s.model().pk() == null || !parentFields.contains(s.via())) return false;
        if (KeyColumns.readAs(s.via()) != s.model().pk() || !IntegerKeys.readsPlainLong(s.model().pk().type())) {
            return false;
        }
        for (Join j : joins) {
            if (j.alias().equals(s.alias())) return !j.leftOuter();
        }
        return false;
    }

    /** Reads the related instances of the cursor's row and caches them on {@code base} and each other. */
    void attach(Model base, RowCursor row) {
        for (int i = 0; i < hydrators.length; i++) {
            Model parent = parents[i] < 0 ? base : loaded[parents[i]];
            if (parent == null) {
                loaded[i] = null; // the parent's LEFT JOIN found nothing, so neither did this one
                continue;
            }
            if (reverse[i]) {
                Model related = (Model) hydrators[i].readUnlessNullKey(row);
                loaded[i] = related;
                // What relatedObject() reads: none means DoesNotExist without a query, as in Django.
                ModelInternals.access().extras(parent).put(ModelInternals.PREFETCH_PREFIX
                        + selections.get(i).reverseAccessor(), related == null ? List.of() : List.of(related));
                if (related != null) Holders.access().fill(holders[i].get(related), parent);
                continue;
            }
            Ref<?> holder = holders[i].get(parent); // the parent's own foreign key: its key, then the instance
            Model related;
            if (keyFromParent[i]) {
                Object key = holder.id();
                related = key == null ? null : (Model) hydrators[i].readWithKey(row, key);
            } else {
                related = (Model) hydrators[i].readUnlessNullKey(row);
            }
            loaded[i] = related;
            Holders.access().fill(holder, related);
        }
    }

    /** Whether selection {@code i} takes its primary key from its parent's foreign key (for tests). */
    boolean keyFromParent(int i) {
        return keyFromParent[i];
    }
}
