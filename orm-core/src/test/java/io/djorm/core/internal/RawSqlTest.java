package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.DataError;
import java.util.List;
import org.junit.jupiter.api.Test;

class RawSqlTest {

    @Test
    void countsOnlyPlaceholdersOutsideLiteralsNamesAndComments() {
        assertThat(RawSql.countPlaceholders("SELECT ?, ?")).isEqualTo(2);
        assertThat(RawSql.countPlaceholders("SELECT '?', \"a?\", `b?`, [c?], 'it''s ?' -- ?\n, ? /* ? */")).isEqualTo(1);
        assertThat(RawSql.countPlaceholders("SELECT ?1, ?2")).isEqualTo(-1);
        assertThat(RawSql.countPlaceholders("SELECT :name")).isEqualTo(-1);
        assertThat(RawSql.countPlaceholders("SELECT 'unterminated ?")).isZero();
    }

    @Test
    void aMismatchIsADataErrorNamingTheCall() {
        assertThatThrownBy(() -> RawSql.checkParameters("query()", "SELECT ?", List.of(1, 2)))
                .isInstanceOf(DataError.class).hasMessageContaining("query()").hasMessageContaining("1 '?'");
        assertThatThrownBy(() -> RawSql.checkParameters("execute()", "SELECT ?, ?", List.of(1)))
                .isInstanceOf(DataError.class);
        RawSql.checkParameters("query()", "SELECT ?", List.of(1));
    }
}
