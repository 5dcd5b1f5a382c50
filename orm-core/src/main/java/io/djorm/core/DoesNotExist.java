package io.djorm.core;

/** {@code get()} found no row for a model (Django: {@code Model.DoesNotExist}); {@link #model()} names it. */
public class DoesNotExist extends ObjectDoesNotExist {
    private static final long serialVersionUID = 1L;
    private final transient Class<?> model;

    /** Creates the exception for the given model class. */
    public DoesNotExist(Class<?> model, String message) {
        super(message);
        this.model = model;
    }

    /** The model class whose query matched nothing. */
    public Class<?> model() {
        return model;
    }
}
