package io.djorm.core.internal;

import io.djorm.core.Model;
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
    /** The instances of the current row, by selection; one array per query, not per row. */
    private final Model[] loaded;

    /** Readers for the selections, whose columns start at {@code firstColumn}. */
    SelectedRelations(List<Query.RelatedSelection> selections, int firstColumn, String alias) {
        this.selections = selections;
        this.hydrators = new Hydrator<?>[selections.size()];
        this.holders = new RefField[selections.size()];
        this.loaded = new Model[selections.size()];
        int offset = firstColumn;
        for (int i = 0; i < selections.size(); i++) {
            List<FieldMeta> fields = selections.get(i).model().concreteFields();
            hydrators[i] = new Hydrator<>(selections.get(i).model(), fields, List.of(), List.of(), alias, offset);
            holders[i] = RefFields.of(selections.get(i).via());
            offset += fields.size();
        }
    }

    /** Reads the related instances of the cursor's row and caches them on {@code base} and each other. */
    void attach(Model base, RowCursor row) {
        for (int i = 0; i < hydrators.length; i++) {
            Query.RelatedSelection s = selections.get(i);
            Model parent = s.parent() < 0 ? base : loaded[s.parent()];
            if (parent == null) {
                loaded[i] = null; // the parent's LEFT JOIN found nothing, so neither did this one
                continue;
            }
            Model related = (Model) hydrators[i].readUnlessNullKey(row);
            loaded[i] = related;
            if (s.reverse()) {
                // What relatedObject() reads: none means DoesNotExist without a query, as in Django.
                ModelInternals.access().extras(parent).put(ModelInternals.PREFETCH_PREFIX + s.reverseAccessor(),
                        related == null ? List.of() : List.of(related));
                if (related != null) Holders.access().fill(holders[i].get(related), parent);
            } else {
                Holders.access().fill(holders[i].get(parent), related);
            }
        }
    }
}
