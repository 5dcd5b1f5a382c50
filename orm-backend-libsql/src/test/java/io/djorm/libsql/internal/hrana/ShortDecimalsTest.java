package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Short decimals are written as Double.toString writes them, and every written text reads back as the same double. */
class ShortDecimalsTest {
    private static String written(double d) {
        RequestBytes out = new RequestBytes();
        boolean written;
        try (SegmentWriter w = new SegmentWriter(out)) {
            written = ShortDecimals.write(w, d);
        }
        return written ? new String(out.toByteArray(), java.nio.charset.StandardCharsets.UTF_8) : null;
    }

    private static void assertExact(double d) {
        String text = written(d);
        if (text == null) return;
        assertThat(text).as("%s", d).isEqualTo(Double.toString(d));
        assertThat(Double.doubleToRawLongBits(Double.parseDouble(text))).isEqualTo(Double.doubleToRawLongBits(d));
    }

    @Test
    void decimalsOfUpToFourPlacesAreWrittenAsDoubleToStringDoes() {
        double[] powers = {1, 10, 100, 1_000, 10_000};
        for (int k = 0; k < powers.length; k++) {
            for (long m = 0; m < 300_000; m++) {
                double d = m / powers[k];
                assertThat(written(d)).as("%s", d).isEqualTo(d < 1e-3 && d != 0 ? null : Double.toString(d));
                assertExact(-d);
            }
        }
        for (long m = 9_999_000; m < 10_000_100; m++) assertExact(m);
    }

    @Test
    void prices_halves_and_the_edges_of_the_plain_form() {
        assertThat(written(0.0)).isEqualTo("0.0");
        assertThat(written(-0.0)).isEqualTo("-0.0");
        assertThat(written(5 + 49 * 0.5)).isEqualTo("29.5");
        assertThat(written(12.99)).isEqualTo("12.99");
        assertThat(written(-0.001)).isEqualTo("-0.001");
        assertThat(written(9_999_999.9999)).isEqualTo("9999999.9999");
        assertThat(written(1e7)).isNull(); // Double.toString writes 1.0E7
        assertThat(written(1e-4)).isNull(); // 1.0E-4
        assertThat(written(0.1 + 0.2)).isNull(); // 0.30000000000000004
        assertThat(written(Math.PI)).isNull();
    }

    @Test
    void anyDoubleItTakesReadsBackAsItself() {
        SplittableRandom random = new SplittableRandom(19);
        for (int i = 0; i < 1_000_000; i++) {
            assertExact(Double.longBitsToDouble(random.nextLong()));
            assertExact((random.nextInt(2_000_000) - 1_000_000) / 100.0);
            assertExact(random.nextDouble() * 1e6);
        }
    }
}
