package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ShownTest {

    @Test
    void invisibleCharactersAndLoneSurrogatesAreEscapedPairsKept() {
        assertThat(Shown.text("a\u0000b\n")).isEqualTo("'a\\u0000b\\u000A'");
        assertThat(Shown.text("x\udc00")).isEqualTo("'x\\uDC00'");
        assertThat(Shown.text("\ud83d\ude00")).isEqualTo("'\ud83d\ude00'");
        assertThat(Shown.text("y".repeat(100))).isEqualTo("'" + "y".repeat(60) + "...'");
        assertThat(Shown.value(12)).isEqualTo("12");
        assertThat(Shown.text(null)).isEqualTo("null");
    }
}
