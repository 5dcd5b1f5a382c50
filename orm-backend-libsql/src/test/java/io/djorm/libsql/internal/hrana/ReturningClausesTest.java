package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The remembered answer is the scan's, for the same text again and for many texts sharing the table's slots. */
class ReturningClausesTest {
    private static String caseUpdate(int rows, String tail) {
        return "UPDATE \"t\" SET \"p\" = CASE \"id\"" + " WHEN ? THEN ?".repeat(rows) + " ELSE \"p\" END WHERE \"id\" IN (?"
                + ", ?".repeat(rows - 1) + ")" + tail;
    }

    @Test
    void answersAsTheScanForShortAndLongTextsAgainAndAgain() {
        List<String> texts = new ArrayList<>();
        for (int rows = 1; rows <= 80; rows++) {
            texts.add(caseUpdate(rows, ""));
            texts.add(caseUpdate(rows, " RETURNING \"id\""));
            texts.add(caseUpdate(rows, " -- 'RETURNING'"));
        }
        for (int round = 0; round < 3; round++) {
            for (String sql : texts) assertThat(ReturningClauses.of(sql)).as(sql).isEqualTo(Plan.returnsRows(sql));
        }
        assertThat(ReturningClauses.of(caseUpdate(100, " RETURNING \"id\""))).isTrue();
        assertThat(ReturningClauses.of(caseUpdate(100, ""))).isFalse();
    }
}
