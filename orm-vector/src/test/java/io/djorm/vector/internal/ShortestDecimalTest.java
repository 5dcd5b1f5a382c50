package io.djorm.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ShortestDecimalTest {

    @Test
    void writesPlainDecimalsWithoutExponent() {
        assertThat(ShortestDecimal.of(1f)).isEqualTo("1");
        assertThat(ShortestDecimal.of(0.1f)).isEqualTo("0.1");
        assertThat(ShortestDecimal.of(-0f)).isEqualTo("-0");
        assertThat(ShortestDecimal.of(1e-7f)).isEqualTo("0.0000001");
        assertThat(ShortestDecimal.of(3.4028235e38f)).isEqualTo("340282350000000000000000000000000000000");
        assertThat(ShortestDecimal.of(Float.MIN_VALUE)).isEqualTo("0.000000000000000000000000000000000000000000001");
        assertThat(ShortestDecimal.of(0.3d)).isEqualTo("0.3");
        assertThat(ShortestDecimal.of((double) 0.3f)).isEqualTo("0.30000001192092896");
    }

    @Test
    void usesTheFewestDigits() {
        // Java 17's Double.toString(2.0E-3) is "0.0020" (JDK-4511638), one digit too many.
        assertThat(ShortestDecimal.of(2.0E-3)).isEqualTo("0.002");
        assertThat(ShortestDecimal.of(1.0E23)).isEqualTo("100000000000000000000000");
    }

    @Test
    void breaksTiesUpwardLikeTurso() {
        // 447494.625 is a float; 447494.62 and 447494.63 are equally close and both read back.
        assertThat(ShortestDecimal.of(447494.625f)).isEqualTo("447494.63");
        assertThat(ShortestDecimal.of(-3357113.25f)).isEqualTo("-3357113.3");
        assertThat(ShortestDecimal.of(220756135438031.625)).isEqualTo("220756135438031.63");
    }

    @Test
    void randomFloatsReadBackExactlyAndCannotBeShorter() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            float f = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(f)) continue;
            String text = ShortestDecimal.of(f);
            assertThat(Float.parseFloat(text)).isEqualTo(f);
            BigDecimal written = new BigDecimal(text);
            int digits = written.stripTrailingZeros().precision();
            if (digits > 1 && f != 0) {
                BigDecimal shorter = new BigDecimal(f).round(new java.math.MathContext(digits - 1));
                assertThat(Float.parseFloat(shorter.toString())).as("a shorter form of %s", text).isNotEqualTo(f);
            }
        }
    }

    @Test
    void randomDoublesReadBackExactly() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            double d = Double.longBitsToDouble(random.nextLong());
            if (!Double.isFinite(d)) continue;
            assertThat(Double.parseDouble(ShortestDecimal.of(d))).isEqualTo(d);
        }
    }
}
