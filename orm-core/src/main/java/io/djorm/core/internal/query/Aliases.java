package io.djorm.core.internal.query;

import io.djorm.core.FieldError;
import io.djorm.core.internal.Shown;
import java.util.regex.Pattern;

/**
 * Checks the names users give to computed values (annotate, aggregate, Prefetch toAttr) before any
 * SQL is built. A name becomes a column alias and is later read back or referred to in lookups, so it
 * must be an identifier: letters, digits and '_' (Django refuses whitespace, quotes, semicolons and
 * comment markers in aliases; here NUL and every other non-identifier character are refused too).
 */
public final class Aliases {
    private static final Pattern IDENTIFIER = Pattern.compile("[\\p{L}_][\\p{L}\\p{N}_]*");

    private Aliases() {
    }

    /**
     * Raises FieldError unless {@code name} is an identifier; {@code what} names the call ("annotation").
     * {@code lookupSeparatorAllowed} lets "__" through (aggregate names such as {@code pages__sum}).
     */
    public static void check(String what, String name, boolean lookupSeparatorAllowed) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new FieldError("The " + what + " name " + Shown.text(name) + " is not a valid name: use letters,"
                    + " digits and '_' only, not starting with a digit (no whitespace, quotes, NUL or other punctuation).");
        }
        if (!lookupSeparatorAllowed && name.contains("__")) {
            throw new FieldError("The " + what + " name " + Shown.text(name) + " contains '__', which separates"
                    + " lookups and related fields; choose a name without it.");
        }
    }
}
