package io.djorm.core.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementTest {
    @Test
    void theConstructorCopiesItsParameters() {
        List<Object> params = new ArrayList<>(Arrays.asList(1L, null, "a"));
        Statement st = new Statement("SELECT ?, ?, ?", params);
        params.set(0, 2L);
        assertThat(st.params()).containsExactly(1L, null, "a");
        assertThatThrownBy(() -> st.params().set(0, 3L)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aHandedOverArrayIsUsedAsItIsAndStaysUnmodifiable() {
        Object[] params = {1L, null, "it's"};
        Statement st = Statement.handingOver("SELECT ?, ?, ?", params);
        assertThat(st.params()).containsExactly(1L, null, "it's");
        assertThat(st).isEqualTo(new Statement("SELECT ?, ?, ?", Arrays.asList(1L, null, "it's")));
        assertThat(st.hashCode()).isEqualTo(new Statement("SELECT ?, ?, ?", Arrays.asList(1L, null, "it's")).hashCode());
        assertThat(st.toDisplayString()).isEqualTo("SELECT 1, NULL, 'it''s'");
        assertThatThrownBy(() -> st.params().set(0, 3L)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> st.params().add(3L)).isInstanceOf(UnsupportedOperationException.class);
        // Rebuilding a statement from its (handed-over) parameters keeps them without a copy, unchanged.
        Statement again = new Statement("SELECT ?, ?, ?", st.params());
        assertThat(again.params()).isSameAs(st.params());
    }
}
