package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;
import java.util.List;

/**
 * The result type of Django's math functions that mix in {@code NumericOutputFieldMixin} (Sqrt, Exp,
 * Ln, Log, Mod, Power): a decimal source gives a decimal, an integer source a float (the square root
 * of 2 is no integer), otherwise the sources' common type, and a float when no source has a type.
 */
final class NumericOutput {
    private NumericOutput() {
    }

    static FieldMeta of(String what, List<Expression> sources) {
        boolean integer = false;
        for (Expression e : sources) {
            FieldMeta f = e.outputField();
            if (OutputFields.isDecimal(f)) return OutputFields.DECIMAL;
            integer |= OutputFields.isInteger(f);
        }
        if (integer) return OutputFields.FLOAT;
        FieldMeta common = OutputFields.common(what, sources);
        return common == null ? OutputFields.FLOAT : common;
    }
}
