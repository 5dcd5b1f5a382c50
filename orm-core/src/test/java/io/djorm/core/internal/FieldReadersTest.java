package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.Apps;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated field readers (save() and bulkUpdate() read an instance's values through them) against
 * the accessors they replace: every field kind reads the same, and a foreign key reads its raw key.
 */
class FieldReadersTest {
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);

    @AfterEach
    void generateAgain() {
        RowReaders.enabled(true);
    }

    private static Everything filled() {
        Everything e = new Everything();
        Map<String, Object> v = new HashMap<>();
        v.put("id", 5L);
        v.put("publicStamp", "pub");
        v.put("protectedStamp", "prot");
        v.put("packageStamp", 11);
        v.put("privateStamp", "priv");
        v.put("chars", "abc");
        v.put("size", Everything.Size.LARGE);
        v.put("integer", -42);
        v.put("big", 1L << 40);
        v.put("small", (short) 12);
        v.put("real", 2.5);
        v.put("money", new BigDecimal("12.50"));
        v.put("flag", true);
        v.put("day", LocalDate.of(2026, 12, 4));
        v.put("bytes", new byte[] {1, 2, 3});
        v.put("packaged", 9);
        v.put("secret", "hush");
        v.put("count", 4);
        v.put("place", 21L);
        v.put("hiddenPlace", 22L);
        for (FieldMeta f : EVERYTHING.concreteFields()) {
            Object value = v.get(f.name());
            if (value != null) f.accessor().set(e, f.type().coerce(value, f));
        }
        return e;
    }

    private static Object[] viaAccessors(List<FieldMeta> fields, Object m) {
        Object[] out = new Object[fields.size()];
        for (int i = 0; i < out.length; i++) out[i] = fields.get(i).accessor().get(m);
        return out;
    }

    @Test
    void everyFieldKindReadsTheSameThroughTheGeneratedReaderAsThroughItsAccessor() {
        List<FieldMeta> fields = EVERYTHING.concreteFields();
        FieldReader reader = FieldReaders.of(EVERYTHING, fields);
        assertThat(reader).isNotInstanceOf(FieldReader.ByAccessors.class);
        assertThat(reader.getClass().getPackageName()).isEqualTo(Everything.class.getPackageName());
        assertThat(reader.size()).isEqualTo(fields.size());
        Everything e = filled();
        Object[] read = new Object[fields.size()];
        reader.read(e, read);
        assertThat(read).containsExactly(viaAccessors(fields, e));
        assertThat(read[fields.indexOf(EVERYTHING.field("place"))]).isEqualTo(21L);
        assertThat(read[fields.indexOf(EVERYTHING.field("hiddenPlace"))]).isEqualTo(22L);
        assertThat(read[fields.indexOf(EVERYTHING.field("count"))]).isEqualTo(4);
        assertThat(read[fields.indexOf(EVERYTHING.field("home"))]).isNull();
    }

    @Test
    void theGeneratedCodeLoadsDirectlyWhatTheJvmLetsAClassInTheModelsPackageRead() {
        ModelPackageAccess access = new ModelPackageAccess(Everything.class);
        Map<String, FieldReaders.Load> loads = new HashMap<>();
        for (FieldMeta f : EVERYTHING.concreteFields()) loads.put(f.name(), FieldReaders.load(access, f));
        assertThat(loads).containsEntry("chars", FieldReaders.Load.FIELD).containsEntry("publicStamp", FieldReaders.Load.FIELD)
                // a primitive is boxed, as its accessor boxes it
                .containsEntry("count", FieldReaders.Load.FIELD)
                .containsEntry("place", FieldReaders.Load.REF_KEY).containsEntry("home", FieldReaders.Load.REF_KEY)
                .containsEntry("secret", FieldReaders.Load.ACCESSOR).containsEntry("hiddenPlace", FieldReaders.Load.ACCESSOR)
                .containsEntry("protectedStamp", FieldReaders.Load.ACCESSOR)
                .containsEntry("privateStamp", FieldReaders.Load.ACCESSOR);
    }

    @Test
    void aForeignKeyWhoseHolderUserCodeClearedIsReadThroughItsAccessorWhichGivesItAHolder() {
        Everything e = filled();
        e.place = null;
        List<FieldMeta> fields = List.of(EVERYTHING.field("place"), EVERYTHING.field("chars"));
        Object[] read = new Object[2];
        FieldReaders.of(EVERYTHING, fields).read(e, read);
        assertThat(read).containsExactly(null, "abc");
        assertThat(e.place).isNotNull();
    }

    @Test
    void aRelatedInstanceSetOnTheHolderReadsAsItsKey() {
        Place p = new Place();
        p.setPk(77L);
        Everything e = filled();
        e.place.set(p);
        Object[] read = new Object[1];
        FieldReaders.of(EVERYTHING, List.of(EVERYTHING.field("place"))).read(e, read);
        assertThat(read[0]).isEqualTo(77L);
    }

    @Test
    void withGenerationOffTheReaderCallsTheAccessors() {
        RowReaders.enabled(false);
        List<FieldMeta> fields = EVERYTHING.concreteFields();
        FieldReader reader = FieldReaders.of(EVERYTHING, fields);
        assertThat(reader).isInstanceOf(FieldReader.ByAccessors.class);
        Everything e = filled();
        Object[] read = new Object[fields.size()];
        reader.read(e, read);
        assertThat(read).containsExactly(viaAccessors(fields, e));
    }
}
