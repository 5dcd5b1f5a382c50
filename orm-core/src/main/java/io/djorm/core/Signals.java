package io.djorm.core;

import java.util.Set;

/**
 * The model signals (Django: {@code django.db.models.signals}).
 *
 * <pre>{@code
 * Runnable disconnect = Signals.POST_SAVE.connect(Book.class, e -> index(e.instance(), e.created()));
 * }</pre>
 */
public final class Signals {
    /** Before a model instance is saved. */
    public static final Signal<SaveEvent> PRE_SAVE = new Signal<>("pre_save");
    /** After a model instance is saved; {@link SaveEvent#created()} tells insert from update. */
    public static final Signal<SaveEvent> POST_SAVE = new Signal<>("post_save");
    /** Before a model instance is deleted (also for each object a cascade deletes). */
    public static final Signal<DeleteEvent> PRE_DELETE = new Signal<>("pre_delete");
    /** After a model instance is deleted. */
    public static final Signal<DeleteEvent> POST_DELETE = new Signal<>("post_delete");
    /** Before and after the rows of a many-to-many relation change (Django: {@code m2m_changed}). */
    public static final Signal<M2MChangedEvent> M2M_CHANGED = new Signal<>("m2m_changed");

    private Signals() {
    }

    /**
     * A save of one instance.
     *
     * @param sender the model class
     * @param instance the instance being saved
     * @param created true when the save inserted a new row (always false in PRE_SAVE)
     * @param using the database alias
     * @param updateFields the fields named in {@code updateFields}, or null for all
     */
    public record SaveEvent(Class<?> sender, Model instance, boolean created, String using, Set<String> updateFields)
            implements Signal.Event {
    }

    /**
     * A delete of one instance.
     *
     * @param sender the model class
     * @param instance the instance being deleted
     * @param using the database alias
     */
    public record DeleteEvent(Class<?> sender, Model instance, String using) implements Signal.Event {
    }

    /** What changed in a many-to-many relation (Django's {@code action} strings, in upper case). */
    public enum M2MAction {
        /** Before rows are added. */
        PRE_ADD,
        /** After rows were added. */
        POST_ADD,
        /** Before rows are removed. */
        PRE_REMOVE,
        /** After rows were removed. */
        POST_REMOVE,
        /** Before every row of the instance is removed. */
        PRE_CLEAR,
        /** After every row of the instance was removed. */
        POST_CLEAR
    }

    /**
     * A change of the rows of a many-to-many relation.
     *
     * @param sender the model class declaring the ManyToManyField (Django sends the join model, which
     *               an automatic table does not have)
     * @param instance the instance whose relation changed
     * @param action what happened
     * @param reverse true when the change was made from the target's side
     * @param model the class of the instances added or removed
     * @param pkSet their primary keys (only those actually added for the add actions); null for clears
     * @param using the database alias
     */
    public record M2MChangedEvent(Class<?> sender, Model instance, M2MAction action, boolean reverse, Class<?> model,
                                  Set<Object> pkSet, String using) implements Signal.Event {
    }
}
