package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The table of primitive keys prefetchRelated groups rows by. */
class LongKeyNumbersTest {
    @Test
    void keysAreNumberedInTheOrderTheyAreFirstAdded() {
        LongKeyNumbers n = new LongKeyNumbers(4);
        assertThat(n.add(42)).isEqualTo(0);
        assertThat(n.add(7)).isEqualTo(1);
        assertThat(n.add(42)).as("a key added again keeps its number").isEqualTo(0);
        assertThat(n.add(-3)).isEqualTo(2);
        assertThat(n.size()).isEqualTo(3);
        assertThat(n.find(7)).isEqualTo(1);
        assertThat(n.find(-3)).isEqualTo(2);
        assertThat(n.find(8)).isEqualTo(-1);
    }

    @Test
    void zeroAndTheExtremesAreKeysLikeAnyOther() {
        LongKeyNumbers n = new LongKeyNumbers(3);
        assertThat(n.find(0)).as("an empty cell is not the key 0").isEqualTo(-1);
        n.add(Long.MIN_VALUE);
        n.add(0);
        n.add(Long.MAX_VALUE);
        assertThat(n.find(0)).isEqualTo(1);
        assertThat(n.find(Long.MIN_VALUE)).isEqualTo(0);
        assertThat(n.find(Long.MAX_VALUE)).isEqualTo(2);
    }

    @Test
    void manyKeysThatCollideAreAllFound() {
        int count = 5000;
        LongKeyNumbers n = new LongKeyNumbers(count);
        // Multiples of a large power of two share their low bits; the hash must still spread them.
        for (int i = 0; i < count; i++) assertThat(n.add((long) i << 32)).isEqualTo(i);
        for (int i = 0; i < count; i++) assertThat(n.find((long) i << 32)).isEqualTo(i);
        assertThat(n.find(1L << 62)).isEqualTo(-1);
        assertThat(n.size()).isEqualTo(count);
    }

    @Test
    void moreDistinctKeysThanItWasMadeForFail() {
        LongKeyNumbers n = new LongKeyNumbers(2);
        n.add(1);
        n.add(2);
        assertThat(n.add(2)).isEqualTo(1);
        assertThatThrownBy(() -> n.add(3)).isInstanceOf(IllegalStateException.class);
    }
}
