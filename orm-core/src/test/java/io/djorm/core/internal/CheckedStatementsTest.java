package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.djorm.core.Apps;
import io.djorm.core.DataError;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Statement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A lone surrogate (or a NaN) is refused once: where {@link Persistence#storableDbValue} converts a field's
 * value, naming the field; the statements of such values are not scanned again on their way, and every
 * other statement still is.
 */
class CheckedStatementsTest {
    private static final ModelMeta META = Apps.meta(Everything.class);

    @Test
    void aStatementOfConvertedValuesIsNotScannedAgain() {
        Statement checked = CheckedStatements.handingOver("SELECT ?", new Object[] {"a\uD800"});
        assertThat(CheckedStatements.isChecked(checked)).isTrue();
        assertThatCode(() -> BoundValues.check(checked)).doesNotThrowAnyException();
        assertThat(checked.params()).containsExactly("a\uD800");
    }

    @Test
    void aStatementMadeWithThePublicFactoriesIsAlwaysScanned() {
        Statement handedOver = Statement.handingOver("SELECT ?", new Object[] {"a\uD800"});
        Statement built = new Statement("SELECT ?", Arrays.asList("ok", Double.NaN));
        assertThat(CheckedStatements.isChecked(handedOver)).isFalse();
        assertThat(CheckedStatements.isChecked(built)).isFalse();
        assertThatThrownBy(() -> BoundValues.check(handedOver)).isInstanceOf(DataError.class)
                .hasMessageContaining("Parameter 1").hasMessageContaining("surrogate");
        assertThatThrownBy(() -> BoundValues.check(built)).isInstanceOf(DataError.class)
                .hasMessageContaining("Parameter 2");
    }

    @Test
    void aLoneSurrogateInATextFieldIsRefusedWhereItIsConverted() {
        assertThatThrownBy(() -> Persistence.storableDbValue(META, META.field("text"), "x\uDC00"))
                .isInstanceOf(DataError.class).hasMessageContaining("Everything.text").hasMessageContaining("surrogate");
        assertThat(Persistence.storableDbValue(META, META.field("text"), "\uD83D\uDE00")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void aLoneSurrogateInAnotherKindsDatabaseTextIsRefusedWhereItIsConverted() {
        // JSON keeps the string's chars as they are: its database text holds the lone surrogate.
        assertThatThrownBy(() -> Persistence.storableDbValue(META, META.field("json"), Map.of("k", "\uD800")))
                .isInstanceOf(DataError.class).hasMessageContaining("Everything.json").hasMessageContaining("surrogate")
                .hasMessageContaining("Nothing was saved");
        assertThat(Persistence.storableDbValue(META, META.field("json"), Map.of("k", "v"))).isEqualTo("{\"k\":\"v\"}");
    }

    @Test
    void aNonFiniteNumberIsRefusedWhereItIsConverted() {
        assertThatThrownBy(() -> Persistence.storableDbValue(META, META.field("real"), Double.POSITIVE_INFINITY))
                .isInstanceOf(DataError.class).hasMessageContaining("Everything.real");
    }
}
