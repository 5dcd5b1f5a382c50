package io.djorm.vector.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VectorViewTest {
    private static final HexFormat HEX = HexFormat.of();

    private static VectorView view(String hex) {
        return new VectorView().wrap(HEX.parseHex(hex));
    }

    @Test
    void readsTheFormatFromTheLength() {
        assertThat(view("0000803f00000040").format()).isEqualTo(VectorFormat.F32);
        assertThat(view("0000803f00000040").dims()).isEqualTo(2);
        assertThat(view("0000803f01").format()).isEqualTo(VectorFormat.F32);
        assertThat(view("0000803f01").dims()).isEqualTo(1);
        assertThat(view("000000000000f03f02").format()).isEqualTo(VectorFormat.F64);
        assertThat(view("000000000000f03f02").get(0)).isEqualTo(1.0);
        assertThat(view("").dims()).isZero();
    }

    @Test
    void serializesF32WithoutTypeByteAndF64WithIt() {
        assertThat(HEX.formatHex(view("0000803f01").serialize(VectorFormat.F32))).isEqualTo("0000803f");
        assertThat(HEX.formatHex(view("0000803f").serialize(VectorFormat.F64))).isEqualTo("000000000000f03f02");
        assertThat(HEX.formatHex(view("000000000000f03f02").serialize(VectorFormat.F32))).isEqualTo("0000803f");
    }

    @Test
    void refusesBlobsThatAreNotF32OrF64Vectors() {
        assertThatThrownBy(() -> view("00008000803f")).hasMessageContaining("6-byte blob is not a valid F32 vector");
        assertThatThrownBy(() -> view("0000803f07")).hasMessageContaining("ending in byte 7 is not a vector");
        assertThatThrownBy(() -> view("0000803f03")).hasMessageContaining("1-bit vector (type byte 3)");
        assertThatThrownBy(() -> view("000080")).hasMessageContaining("ending in byte 128");
        assertThatThrownBy(() -> view("0000803f000002")).hasMessageContaining("not a valid F64 vector");
    }
}
