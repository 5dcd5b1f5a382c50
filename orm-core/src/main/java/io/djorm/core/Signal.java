package io.djorm.core;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A signal that model code sends and listeners receive (Django: {@code django.dispatch.Signal}).
 * Listeners run synchronously, in the order connected, on the thread that sent the signal.
 *
 * @param <E> the event type
 */
public final class Signal<E extends Signal.Event> {
    private final String name;
    private final CopyOnWriteArrayList<Receiver<E>> receivers = new CopyOnWriteArrayList<>();

    /** An event carries the class that sent it. */
    public interface Event {
        /** The model class the event is about. */
        Class<?> sender();
    }

    private record Receiver<E>(Class<?> sender, Consumer<E> listener) {
    }

    Signal(String name) {
        this.name = name;
    }

    /** Connects a listener for events from any sender. */
    public Runnable connect(Consumer<E> listener) {
        return connect(null, listener);
    }

    /**
     * Connects a listener for events from one model class (and its subclasses). Returns an action that
     * disconnects it.
     */
    public Runnable connect(Class<?> sender, Consumer<E> listener) {
        Receiver<E> r = new Receiver<>(sender, listener);
        receivers.add(r);
        return () -> receivers.remove(r);
    }

    /** Disconnects every listener (for tests). */
    public void disconnectAll() {
        receivers.clear();
    }

    /** Whether anyone listens to events from this sender; lets bulk paths skip per-object work. */
    public boolean hasListeners(Class<?> sender) {
        if (receivers.isEmpty()) return false; // every save() asks twice; most applications connect nothing
        for (Receiver<E> r : receivers) {
            if (r.sender == null || r.sender.isAssignableFrom(sender)) return true;
        }
        return false;
    }

    /** Delivers an event to the matching listeners. */
    public void send(E event) {
        for (Receiver<E> r : receivers) {
            if (r.sender == null || r.sender.isAssignableFrom(event.sender())) r.listener.accept(event);
        }
    }

    @Override
    public String toString() {
        return "Signal[" + name + "]";
    }
}
