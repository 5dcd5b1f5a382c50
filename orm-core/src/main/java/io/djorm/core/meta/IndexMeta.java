package io.djorm.core.meta;

import java.util.List;

/**
 * An index of a model.
 *
 * @param name the index name
 * @param fields field names, a {@code -} prefix meaning descending
 * @param unique whether the index is unique
 */
public record IndexMeta(String name, List<String> fields, boolean unique) {
}
