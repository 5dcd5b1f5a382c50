package io.djorm.behaviour;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.behaviour.shop.Author;
import io.djorm.behaviour.shop.Book;
import io.djorm.core.DataError;
import io.djorm.core.Djorm;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, point 7: what an infinite double does. Local files store it; over HTTP a parameter cannot
 * carry it, so saving raises DataError before anything is sent; an infinity computed by the database
 * is read back as one everywhere.
 */
class InfiniteFloatTest extends BehaviourTest {

    @Override
    protected List<Class<?>> models() {
        return List.of(Author.class, Book.class);
    }

    @Test
    void savingAnInfiniteDouble() {
        // Refused on every backend before anything is sent: a libSQL server cannot carry an infinity, and
        // the same model must behave the same on every backend.
        for (double endless : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
            assertThatThrownBy(() -> Book.objects().create("title", "Endless", "rating", endless))
                    .isInstanceOf(DataError.class).hasMessageContaining("Book.rating").hasMessageContaining("Infinity");
        }
        assertThat(Book.objects().count()).isZero();
    }

    @Test
    void anInfinityComputedByTheDatabaseIsReadAsInfinity() {
        Object value = Djorm.connection().query("SELECT 1e999").rows().get(0)[0];
        assertThat(value).isEqualTo(Double.POSITIVE_INFINITY);
    }
}
