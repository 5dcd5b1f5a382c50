package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentlyUsedTest {
    @Test
    void keepsUpToItsCapacityDroppingTheLeastRecentlyUsed() {
        RecentlyUsed<String, Integer> kept = new RecentlyUsed<>(2);
        kept.put("a", 1);
        kept.put("b", 2);
        assertThat(kept.get("a")).isEqualTo(1); // "b" is now the least recently used
        kept.put("c", 3);
        assertThat(kept.get("b")).isNull();
        assertThat(kept.get("a")).isEqualTo(1);
        assertThat(kept.get("c")).isEqualTo(3);
    }

    @Test
    void anUnknownKeyIsNull() {
        assertThat(new RecentlyUsed<String, String>(4).get("x")).isNull();
    }
}
