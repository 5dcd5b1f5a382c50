package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The per-thread hydrating state, and the owner check that lets a shared hydrator cache it. */
class HydratingTest {
    @Test
    void aThreadsStateIsItsOwnAndNoOtherThreads() throws InterruptedException {
        Hydrating mine = Hydrating.current();
        assertThat(mine.ofCurrentThread()).isTrue();
        AtomicBoolean mineThere = new AtomicBoolean(true);
        AtomicReference<Hydrating> theirs = new AtomicReference<>();
        Thread other = new Thread(() -> {
            mineThere.set(mine.ofCurrentThread());
            theirs.set(Hydrating.current());
        });
        other.start();
        other.join();
        assertThat(mineThere.get()).isFalse();
        assertThat(theirs.get()).isNotSameAs(mine);
        assertThat(theirs.get().ofCurrentThread()).isFalse();
    }

    @Test
    void enterMarksTheThreadAsCreatingFromARowUntilExit() {
        Hydrating h = Hydrating.current();
        assertThat(h.fromRow()).isFalse();
        h.enter(null);
        assertThat(h.fromRow()).isTrue();
        h.exit();
        assertThat(h.fromRow()).isFalse();
    }
}
