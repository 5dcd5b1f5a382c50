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

    /** Readers for the selections, whose columns start at {@code firstColumn}. */
    SelectedRelations(List<Query.RelatedSelection> selections, int firstColumn, String alias) {
        this.selections = selections;
        this.hydrators = new Hydrator<?>[selections.size()];
        int offset = firstColumn;
        for (int i = 0; i < selections.size(); i++) {
            List<FieldMeta> fields = selections.get(i).model().concreteFields();
            hydrators[i] = new Hydrator<>(selections.get(i).model(), fields, List.of(), List.of(), alias, offset);
            offset += fields.size();
        }
    }

    /** Reads the related instances of the cursor's row and caches them on {@code base} and each other. */
    void attach(Model base, RowCursor row) {
        Model[] loaded = new Model[hydrators.length];
        for (int i = 0; i < hydrators.length; i++) {
            Query.RelatedSelection s = selections.get(i);
            Model parent = s.parent() < 0 ? base : loaded[s.parent()];
            if (parent == null) continue; // the parent's LEFT JOIN found nothing, so neither did this one
            Model related = (Model) hydrators[i].readUnlessNullKey(row);
            loaded[i] = related;
            if (s.reverse()) {
                // What relatedObject() reads: none means DoesNotExist without a query, as in Django.
                ModelInternals.access().extras(parent).put(ModelInternals.PREFETCH_PREFIX + s.reverseAccessor(),
                        related == null ? List.of() : List.of(related));
                if (related != null) Holders.access().fill(Holders.ref(related, s.via()), parent);
            } else {
                Holders.access().fill(Holders.ref(parent, s.via()), related);
            }
        }
    }
}
