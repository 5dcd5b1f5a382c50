package io.djorm.core.internal.fields;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import org.junit.jupiter.api.Test;

/**
 * What a CharField refuses to store: more code points than max_length (counted only when the string has
 * more chars than that), and a lone surrogate.
 */
class TextStorageTest {
    private static final FieldMeta NAME = Apps.meta(Place.class).field("name"); // max_length 40

    private static String problem(String value) {
        return NAME.type().storageProblem(value, NAME);
    }

    @Test
    void aStringWithinTheLimitIsStored() {
        assertThat(problem("")).isNull();
        assertThat(problem("x".repeat(40))).isNull();
    }

    @Test
    void moreCodePointsThanTheLimitAreRefusedWithTheirCount() {
        assertThat(problem("x".repeat(41))).isEqualTo("too long (max_length 40, got 41 characters)");
        assertThat(problem("\uD83D\uDE00".repeat(41))).isEqualTo("too long (max_length 40, got 41 characters)");
    }

    @Test
    void surrogatePairsCountOnceEachWhenTheCharsExceedTheLimit() {
        String forty = "\uD83D\uDE00".repeat(40); // 80 chars, 40 code points
        assertThat(problem(forty)).isNull();
    }

    @Test
    void aLoneSurrogateIsRefusedWhateverTheLength() {
        assertThat(problem("a\uD800b")).contains("lone surrogate \\uD800 at index 1");
        assertThat(problem("\uD83D\uDE00".repeat(30) + "\uDC00")).contains("lone surrogate \\uDC00 at index 60");
    }
}
