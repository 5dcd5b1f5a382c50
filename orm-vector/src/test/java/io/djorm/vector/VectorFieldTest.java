package io.djorm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.FieldError;
import io.djorm.core.ValidationError;
import io.djorm.core.fields.FieldKind;
import io.djorm.core.fields.FloatField;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.vector.internal.VectorType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class VectorFieldTest {

    @SuppressWarnings("unused")
    static final class Document {
        @VectorField(dimensions = 3, nullable = true, helpText = "text embedding")
        float[] embedding;

        @VectorField(dimensions = 0)
        float[] broken;
    }

    private static Annotation declaration(String name) throws NoSuchFieldException {
        return Document.class.getDeclaredField(name).getAnnotation(VectorField.class);
    }

    private static FieldMeta field(String name) throws NoSuchFieldException {
        Annotation declaration = declaration(name);
        VectorType type = new VectorType();
        FieldMeta.Builder builder = FieldMeta.builder(name, type).javaType(float[].class);
        type.configure(builder, declaration);
        return builder.build();
    }

    @Test
    void isAFieldKindBackedByVectorType() {
        assertThat(VectorField.class.getAnnotation(FieldKind.class).value()).isEqualTo(VectorType.class);
        assertThat(new VectorType().internalType()).isEqualTo("VectorField");
    }

    @Test
    void hasExactlyTheCommonOptionsOfCoreFieldsPlusDimensions() throws NoSuchMethodException {
        // Core reads the common options by name: they must match a core field's, name, type and default.
        for (Method option : FloatField.class.getDeclaredMethods()) {
            Method mine = VectorField.class.getMethod(option.getName());
            assertThat(mine.getReturnType()).as(option.getName()).isEqualTo(option.getReturnType());
            assertThat(mine.getDefaultValue()).as(option.getName()).isEqualTo(option.getDefaultValue());
        }
        assertThat(VectorField.class.getDeclaredMethods()).hasSize(FloatField.class.getDeclaredMethods().length + 1);
        assertThat(VectorField.class.getMethod("dimensions").getDefaultValue()).isNull();
    }

    @Test
    void storesDimensionsAndMapsToF32Blob() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        assertThat(field.intParam("dimensions")).isEqualTo(3);
        assertThat(field.type().columnType(null, field)).isEqualTo("F32_BLOB(3)");
    }

    @Test
    void refusesImpossibleDimensions() {
        assertThatThrownBy(() -> field("broken"))
                .isInstanceOf(FieldError.class)
                .hasMessage("Field 'broken' has dimensions 0; it must be between 1 and 65536.");
    }

    @Test
    void coercesArraysListsAndText() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        float[] expected = {1f, 2.5f, -3f};
        assertThat((float[]) field.type().coerce(new float[] {1f, 2.5f, -3f}, field)).containsExactly(expected);
        assertThat((float[]) field.type().coerce(new double[] {1, 2.5, -3}, field)).containsExactly(expected);
        assertThat((float[]) field.type().coerce(List.of(1, 2.5, -3L), field)).containsExactly(expected);
        assertThat((float[]) field.type().coerce("[1, 2.5, -3]", field)).containsExactly(expected);
        assertThat(field.type().coerce(null, field)).isNull();
    }

    @Test
    void wrongLengthFailsValidationBeforeAnySql() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        assertThatThrownBy(() -> field.type().coerce(new float[] {1f, 2f}, field))
                .isInstanceOf(ValidationError.class)
                .hasMessage("embedding: Field 'embedding' expects a vector of 3 dimensions but got 2.");
        assertThatThrownBy(() -> field.type().toDb(new float[4], field)).isInstanceOf(ValidationError.class);
        List<String> errors = new ArrayList<>();
        field.type().validate(new float[5], field, errors);
        assertThat(errors).containsExactly("Field 'embedding' expects a vector of 3 dimensions but got 5.");
    }

    @Test
    void nonFiniteElementsFailValidation() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        assertThatThrownBy(() -> field.type().coerce(new double[] {1, 1e40, 0}, field))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("has Infinity at element 2");
        assertThatThrownBy(() -> field.type().coerce(new float[] {Float.NaN, 0, 0}, field))
                .hasMessageContaining("has NaN at element 1");
    }

    @Test
    void wrongInputTypesSayWhatIsExpected() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        assertThatThrownBy(() -> field.type().coerce(42, field))
                .isInstanceOf(ValidationError.class)
                .hasMessageContaining("expected a vector (float[], double[] or List<Number>) but got 42 (Integer)");
        assertThatThrownBy(() -> field.type().coerce(List.of(1, "x", 2), field))
                .hasMessageContaining("element 2 is String x");
        assertThatThrownBy(() -> field.type().coerce("[1, 2", field))
                .hasMessageContaining("invalid vector text '[1, 2'");
    }

    @Test
    void writesTheVector32BlobAndReadsItBack() throws NoSuchFieldException {
        FieldMeta field = field("embedding");
        byte[] blob = (byte[]) field.type().toDb(new float[] {1f, 2f, 3f}, field);
        assertThat(HexFormat.of().formatHex(blob)).isEqualTo("0000803f0000004000004040");
        assertThat(read(field, blob)).containsExactly(1f, 2f, 3f);
        // Rows written by vector64() or as text still read as floats.
        assertThat(read(field, HexFormat.of().parseHex("000000000000f03f000000000000004000000000000008c002")))
                .containsExactly(1f, 2f, -3f);
        assertThat(read(field, "[4,5,6]")).containsExactly(4f, 5f, 6f);
        assertThat(read(field, null)).isNull();
    }

    private static float[] read(FieldMeta field, Object stored) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {stored});
        try (ListRowCursor cursor = new ListRowCursor(List.of("embedding"), rows)) {
            assertThat(cursor.next()).isTrue();
            return (float[]) field.type().read(cursor, 0, field);
        }
    }
}
