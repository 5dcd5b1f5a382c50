package io.djorm.core.internal;

import java.lang.ref.WeakReference;

/**
 * What the {@code Model} constructor of this thread needs to know from the hydrator creating the
 * instance: whether a row is about to fill it (then no defaults are applied), and the construction
 * plan of its class, handed over so that the constructor does not look it up (a {@code ClassValue}
 * look-up per instance showed in the profile of a get by primary key). One thread-local read per
 * instance, which the constructor made anyway.
 *
 * <p>Public only because {@code Model} lives in another package; not API.
 */
public final class Hydrating {
    private static final ThreadLocal<Hydrating> CURRENT = ThreadLocal.withInitial(Hydrating::new);

    /** How many instances this thread is creating from rows. */
    private int depth;
    /** The plan offered for the next instance, or null; taken by the first constructor that runs. */
    private Construction offered;
    /**
     * The plan of the last instance this thread created outside a hydrator: user code creates its instances
     * in runs of one class (a thousand Books for a bulkCreate), where the class's {@code ClassValue} look-up
     * was a twentieth of the work. Weak, so that a thread kept alive does not keep a model class loaded.
     */
    private WeakReference<Construction> lastOwn = new WeakReference<>(null);

    private Hydrating() {
    }

    /** This thread's state. */
    public static Hydrating current() {
        return CURRENT.get();
    }

    /** Whether the instance being constructed will be filled from a row. */
    public boolean fromRow() {
        return depth > 0;
    }

    /**
     * The plan of the instance of {@code type} being constructed: the offered one when it is of that
     * class, else the class's own. Takes the offer either way, so that instances the model's constructor
     * itself creates look theirs up.
     */
    public Construction planOf(Class<?> type) {
        Construction plan = offered;
        if (plan == null) return ownPlanOf(type);
        offered = null;
        return plan.type() == type ? plan : Construction.of(type);
    }

    private Construction ownPlanOf(Class<?> type) {
        Construction last = lastOwn.get();
        if (last != null && last.type() == type) return last;
        Construction plan = Construction.of(type);
        lastOwn = new WeakReference<>(plan);
        return plan;
    }

    /** Marks the thread as creating one instance from a row, of the class {@code plan} belongs to (or null). */
    void enter(Construction plan) {
        depth++;
        offered = plan;
    }

    /** Ends what {@link #enter} began. */
    void exit() {
        depth--;
        offered = null;
    }
}
