package io.djorm.core.internal;

import java.util.List;
import java.util.Locale;

/**
 * The names of an automatic many-to-many join table, as Django makes them: the table
 * {@code <owner table>_<field>}, the model {@code <Owner>_<field>}, and the two key fields named after
 * the models they point at ({@code book}, {@code tag}; {@code from_person}, {@code to_person} for a
 * relation to itself). The query layer, the schema editors and the migrations all name join tables
 * through this class, so they never disagree.
 */
public final class JoinTableNames {
    private JoinTableNames() {
    }

    /** The join table of field {@code fieldName} on the model whose table is {@code ownerTable}. */
    public static String table(String ownerTable, String fieldName) {
        return ownerTable + "_" + fieldName;
    }

    /** The join table's model name. */
    public static String modelName(String ownerModelName, String fieldName) {
        return ownerModelName + "_" + fieldName;
    }

    /** The two key fields, {@code [to the owner, to the target]}. */
    public static List<String> keyNames(String ownerModelName, String targetModelName) {
        String from = ownerModelName.toLowerCase(Locale.ROOT);
        String to = targetModelName.toLowerCase(Locale.ROOT);
        return from.equals(to) ? List.of("from_" + from, "to_" + to) : List.of(from, to);
    }
}
