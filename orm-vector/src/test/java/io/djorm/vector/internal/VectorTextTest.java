package io.djorm.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VectorTextTest {
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private static String f32Hex(String text) {
        return HEX.formatHex(VectorText.parse(text, VectorFormat.F32));
    }

    @Test
    void parsesF32AsBareLittleEndianFloats() {
        assertThat(f32Hex("[1,2,3]")).isEqualTo("0000803F0000004000004040");
        assertThat(f32Hex("[]")).isEmpty();
    }

    @Test
    void parsesF64WithTrailingTypeByte() {
        assertThat(HEX.formatHex(VectorText.parse("[1,2,3]", VectorFormat.F64)))
                .isEqualTo("000000000000F03F0000000000000040000000000000084002");
        assertThat(HEX.formatHex(VectorText.parse("[]", VectorFormat.F64))).isEqualTo("02");
    }

    @Test
    void acceptsWhitespaceAndEveryDecimalSpelling() {
        assertThat(f32Hex("\t [ 1 ,\n2 ]\u00a0")).isEqualTo(f32Hex("[1,2]"));
        assertThat(f32Hex("[+1, .5, 5., 1E2, -2e-3]")).isEqualTo(f32Hex("[1,0.5,5,100,-0.002]"));
    }

    @Test
    void roundsToTheNearestFloatInOneStep() {
        // 16777217 lies halfway between two floats; a detour through double must not change the result.
        assertThat(f32Hex("[16777217]")).isEqualTo(f32Hex("[16777216]"));
        assertThat(f32Hex("[1e-46]")).isEqualTo(f32Hex("[0]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[", "]", "1,2", "[1,,2]", "[1 2]", "[1,]", "[,]", "[1]x", "[[1]]", "[nan]",
            "[inf]", "[infinity]", "[0x10]", "[1f]", "[1e]", "[1.2.3]", "[.]", "[e5]", "[1e40]"})
    void refusesMalformedText(String text) {
        assertThatThrownBy(() -> VectorText.parse(text, VectorFormat.F32))
                .isInstanceOf(InvalidVectorException.class)
                .hasMessageStartingWith("invalid vector text '" + text + "'");
    }

    @Test
    void saysWhichElementIsWrong() {
        assertThatThrownBy(() -> VectorText.parse("[1, 2, abc]", VectorFormat.F32))
                .hasMessage("invalid vector text '[1, 2, abc]': element 3 ('abc') is not a decimal number");
        assertThatThrownBy(() -> VectorText.parse("[1e40]", VectorFormat.F32))
                .hasMessageContaining("element 1 (1e40) is too large for F32");
    }

    @Test
    void f64KeepsWhatF32CannotHold() {
        VectorView v = new VectorView().wrap(VectorText.parse("[1e40]", VectorFormat.F64));
        assertThat(v.get(0)).isEqualTo(1e40);
    }

    @Test
    void formatsLikeTursoVectorExtract() {
        String text = "[0.1, 1e-7, 1e20, -0, 3.5]";
        assertThat(VectorText.format(new VectorView().wrap(VectorText.parse(text, VectorFormat.F32))))
                .isEqualTo("[0.1,0.0000001,100000000000000000000,-0,3.5]");
        assertThat(VectorText.format(new VectorView().wrap(VectorText.parse(text, VectorFormat.F64))))
                .isEqualTo("[0.1,0.0000001,100000000000000000000,-0,3.5]");
        assertThat(VectorText.format(new VectorView().wrap(HexFormat.of().parseHex("0000c07f0000807f000080ff"))))
                .isEqualTo("[NaN,inf,-inf]");
        assertThat(VectorText.format(new VectorView().wrap(new byte[0]))).isEqualTo("[]");
    }

    @Test
    void widenedF32ShowsItsExactDoubleValue() {
        byte[] f32 = VectorText.parse("[0.3]", VectorFormat.F32);
        byte[] f64 = new VectorView().wrap(f32).serialize(VectorFormat.F64);
        assertThat(VectorText.format(new VectorView().wrap(f64))).isEqualTo("[0.30000001192092896]");
    }
}
