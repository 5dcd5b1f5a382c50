package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.spi.Statement;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The quick bound never under-counts, so whether statements fit is what the exact estimate says. */
class RequestSizeTest {
    private static final List<Statement> STATEMENTS = List.of(
            new Statement("INSERT INTO t VALUES (?, ?, ?, ?, ?)", Arrays.asList(null, 7L, 1.5, "plain", new byte[100])),
            new Statement("UPDATE \"t\" SET a = ? -- é \n", Arrays.asList("\"\\\u0001\u001f", "中文 \uD83D\uDE00 \uD800")),
            Statement.of("SELECT 1"),
            new Statement("INSERT INTO t VALUES (?)", List.of("x".repeat(5000))));

    @Test
    void theBoundIsNeverBelowTheEstimate() {
        for (Statement s : STATEMENTS) assertThat(RequestSize.atMost(s)).isGreaterThanOrEqualTo(RequestSize.of(s));
    }

    @Test
    void fitsExactlyWhenTheEstimateFits() {
        long exact = RequestSize.PIPELINE + RequestSize.of(STATEMENTS);
        for (long limit = exact - 3; limit <= exact + 3; limit++) {
            assertThat(RequestSize.fits(STATEMENTS, limit)).as("limit %d", limit).isEqualTo(exact <= limit);
        }
        assertThat(RequestSize.fits(STATEMENTS, 10 * exact)).isTrue();
    }

    @Test
    void heldWritesFitExactlyWhenTheirEstimateFits() {
        HeldWrites held = new HeldWrites(1);
        for (int i = 0; i < 20; i++) { // the same keyed insert again and again: joined rows, cheaper than steps
            held.add(new Statement("INSERT INTO t (a) VALUES (?)", List.of("row " + i)), null, null, 0, "id", null, null);
        }
        List<Statement> own = List.of(Statement.of("COMMIT"));
        long exact = RequestSize.PIPELINE + RequestSize.ofHeld(held) + RequestSize.of(own);
        for (long limit = exact - 3; limit <= exact + 3; limit++) {
            assertThat(RequestSize.fitsHeld(held, own, limit)).as("limit %d", limit).isEqualTo(exact <= limit);
        }
    }
}
