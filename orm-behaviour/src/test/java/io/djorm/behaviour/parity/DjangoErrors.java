package io.djorm.behaviour.parity;

import io.djorm.core.DjormException;
import io.djorm.core.ObjectDoesNotExist;

/** The name of the Django exception a djorm exception twins (the generator records Django's class name). */
final class DjangoErrors {
    private DjangoErrors() {
    }

    static String name(DjormException ex) {
        // Django raises the model's own DoesNotExist class, a subclass of ObjectDoesNotExist.
        if (ex instanceof ObjectDoesNotExist) return "DoesNotExist";
        return ex.getClass().getSimpleName();
    }
}
