package io.djorm.core.expressions;

import io.djorm.core.meta.FieldMeta;

/**
 * A window function that reads one row of the window frame (FirstValue, LastValue, NthValue): the
 * frame changes its result, and the result has the type of the expression read.
 */
abstract class FrameValue extends WindowFunction {
    FrameValue(String function, Object... arguments) {
        super(function, arguments);
    }

    @Override
    boolean usesFrame() {
        return true;
    }

    @Override
    public FieldMeta outputField() {
        return arguments().get(0).outputField();
    }
}
