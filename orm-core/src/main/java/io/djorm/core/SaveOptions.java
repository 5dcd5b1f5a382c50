package io.djorm.core;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * How {@link Model#save(SaveOptions)} saves (Django: {@code save(using=..., update_fields=...,
 * force_insert=..., force_update=...)}). Immutable; each method returns a new value.
 *
 * <pre>{@code
 * book.save(SaveOptions.updateFields("title", "pages"));
 * book.save(SaveOptions.using("archive").forceInsert());
 * }</pre>
 */
public final class SaveOptions {
    private static final SaveOptions DEFAULTS = new SaveOptions(null, null, false, false);
    private final String using;
    private final Set<String> updateFields;
    private final boolean forceInsert;
    private final boolean forceUpdate;

    private SaveOptions(String using, Set<String> updateFields, boolean forceInsert, boolean forceUpdate) {
        this.using = using;
        this.updateFields = updateFields;
        this.forceInsert = forceInsert;
        this.forceUpdate = forceUpdate;
    }

    /** The defaults: the instance's own alias (or default), all fields, insert or update as needed. */
    public static SaveOptions defaults() {
        return DEFAULTS;
    }

    /** Saves to the given alias. */
    public static SaveOptions using(String alias) {
        return DEFAULTS.withUsing(alias);
    }

    /** Updates only these fields (an UPDATE; raises if no row matched). */
    public static SaveOptions updateFields(String... fields) {
        return DEFAULTS.withUpdateFields(fields);
    }

    /** A copy saving to the given alias. */
    public SaveOptions withUsing(String alias) {
        return new SaveOptions(alias, updateFields, forceInsert, forceUpdate);
    }

    /** A copy updating only these fields. */
    public SaveOptions withUpdateFields(String... fields) {
        return new SaveOptions(using, new LinkedHashSet<>(Arrays.asList(fields)), forceInsert, forceUpdate);
    }

    /** A copy that always inserts. */
    public SaveOptions forceInsert() {
        return new SaveOptions(using, updateFields, true, forceUpdate);
    }

    /** A copy that always updates (raises if no row matched). */
    public SaveOptions forceUpdate() {
        return new SaveOptions(using, updateFields, forceInsert, true);
    }

    /** The alias, or null for the instance's own. */
    public String using() {
        return using;
    }

    /** The fields to update, or null for all. */
    public Set<String> updateFieldSet() {
        return updateFields;
    }

    /** Whether to insert unconditionally. */
    public boolean isForceInsert() {
        return forceInsert;
    }

    /** Whether to update unconditionally. */
    public boolean isForceUpdate() {
        return forceUpdate;
    }
}
