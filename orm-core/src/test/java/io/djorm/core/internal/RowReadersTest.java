package io.djorm.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.djorm.core.Apps;
import io.djorm.core.DjormException;
import io.djorm.core.Model;
import io.djorm.core.ValidationError;
import io.djorm.core.internal.query.Query;
import io.djorm.core.internal.readers.Everything;
import io.djorm.core.internal.readers.Place;
import io.djorm.core.internal.readers.Sealed;
import io.djorm.core.meta.FieldAccessor;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.FieldType;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.ListRowCursor;
import io.djorm.core.spi.RowCursor;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The generated row readers and relation holders against the method-handle path they replace: the
 * same rows give the same instances, field by field, on both.
 */
class RowReadersTest {
    private static final ModelMeta PLACE = Apps.meta(Place.class);
    private static final ModelMeta EVERYTHING = Apps.meta(Everything.class);

    @AfterEach
    void generateAgain() {
        RowReaders.enabled(true);
    }

    private static Map<String, Object> fullRow() {
        Map<String, Object> v = new HashMap<>();
        v.put("id", 5L);
        v.put("publicStamp", "pub");
        v.put("protectedStamp", "prot");
        v.put("packageStamp", 11);
        v.put("privateStamp", "priv");
        v.put("chars", "abc");
        v.put("size", Everything.Size.LARGE);
        v.put("text", "long text");
        v.put("integer", -42);
        v.put("big", 1L << 40);
        v.put("small", (short) 12);
        v.put("positive", 3);
        v.put("real", 2.5);
        v.put("money", new BigDecimal("12.50"));
        v.put("flag", true);
        v.put("day", LocalDate.of(2026, 12, 4));
        v.put("at", LocalDateTime.of(2026, 12, 4, 11, 45, 30));
        v.put("time", LocalTime.of(11, 45, 30));
        v.put("length", Duration.ofMinutes(90));
        v.put("uuid", UUID.fromString("123e4567-e89b-12d3-a456-426614174000"));
        v.put("bytes", new byte[] {1, 2, 3});
        v.put("json", Map.of("a", "b"));
        v.put("email", "a@example.com");
        v.put("slug", "a-slug");
        v.put("url", "https://example.com/");
        v.put("packaged", 9);
        v.put("secret", "hush");
        v.put("count", 4);
        v.put("place", 21L);
        v.put("hiddenPlace", 22L);
        v.put("home", 23L);
        return v;
    }

    /** The row of {@code values} in the layout's column order, each value in its database form. */
    private static Object[] columns(List<FieldMeta> fields, Map<String, Object> values) {
        Object[] row = new Object[fields.size()];
        for (int i = 0; i < row.length; i++) {
            FieldMeta f = fields.get(i);
            Object v = values.get(f.name());
            row[i] = v == null ? null : f.type().toDb(v, f);
        }
        return row;
    }

    private static RowCursor cursor(Object[]... rows) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < rows[0].length; i++) names.add("c" + i);
        RowCursor c = new ListRowCursor(names, List.of(rows));
        c.next();
        return c;
    }

    private static Everything hydrate(boolean generated, Object[] row) {
        RowReaders.enabled(generated);
        Hydrator<Everything> h = new Hydrator<>(EVERYTHING, EVERYTHING.concreteFields(), List.of(), List.of(), "default");
        assertThat(h.generatedReader() != null).as("generated reader in use").isEqualTo(generated);
        return h.read(cursor(row));
    }

    @Test
    void everyFieldKindReadsTheSameThroughTheGeneratedReaderAsThroughTheAccessors() {
        Map<String, Object> expected = fullRow();
        Object[] row = columns(EVERYTHING.concreteFields(), expected);
        Everything generated = hydrate(true, row);
        Everything handles = hydrate(false, row);
        for (FieldMeta f : EVERYTHING.concreteFields()) {
            assertThat(ModelInternals.get(generated, f)).as(f.name()).isEqualTo(expected.get(f.name()));
            assertThat(ModelInternals.get(handles, f)).as(f.name()).isEqualTo(expected.get(f.name()));
        }
        // the fields each store kind wrote, read back directly
        assertThat(generated.chars).isEqualTo("abc");
        assertThat(generated.size).isEqualTo(Everything.Size.LARGE);
        assertThat(generated.packaged()).isEqualTo(9);
        assertThat(generated.secret()).isEqualTo("hush");
        assertThat(generated.count).isEqualTo(4);
        assertThat(generated.publicStamp).isEqualTo("pub");
        assertThat(generated.protectedStamp()).isEqualTo("prot");
        assertThat(generated.packageStamp()).isEqualTo(11);
        assertThat(generated.privateStamp()).isEqualTo("priv");
        assertThat(generated.isAdding()).isFalse();
        assertThat(generated.db()).isEqualTo("default");
    }

    @Test
    void theGeneratedCodeStoresDirectlyWhatTheJvmLetsAClassInTheModelsPackageWrite() {
        ModelPackageAccess access = new ModelPackageAccess(Everything.class);
        Map<String, RowReaders.Store> stores = new HashMap<>();
        for (FieldMeta f : EVERYTHING.concreteFields()) stores.put(f.name(), RowReaders.store(access, f));
        assertThat(stores).containsEntry("chars", RowReaders.Store.FIELD).containsEntry("bytes", RowReaders.Store.FIELD)
                .containsEntry("size", RowReaders.Store.FIELD).containsEntry("packaged", RowReaders.Store.FIELD)
                .containsEntry("publicStamp", RowReaders.Store.FIELD)
                .containsEntry("place", RowReaders.Store.REF_KEY).containsEntry("home", RowReaders.Store.REF_KEY)
                // private, primitive, protected or package-private in another package, Model's own implicit id
                .containsEntry("secret", RowReaders.Store.ACCESSOR).containsEntry("count", RowReaders.Store.ACCESSOR)
                .containsEntry("hiddenPlace", RowReaders.Store.ACCESSOR)
                .containsEntry("protectedStamp", RowReaders.Store.ACCESSOR)
                .containsEntry("packageStamp", RowReaders.Store.ACCESSOR)
                .containsEntry("privateStamp", RowReaders.Store.ACCESSOR).containsEntry("id", RowReaders.Store.ACCESSOR);
    }

    @Test
    void foreignKeysLandInFreshUnloadedRefHolders() {
        Everything e = hydrate(true, columns(EVERYTHING.concreteFields(), fullRow()));
        assertThat(e.place.id()).isEqualTo(21L);
        assertThat(e.place.isCached()).isFalse();
        assertThat(e.hiddenPlace().id()).isEqualTo(22L);
        assertThat(e.home.id()).isEqualTo(23L);
        assertThat(e.visited).isNotNull();
        Everything other = hydrate(true, columns(EVERYTHING.concreteFields(), fullRow()));
        assertThat(other.place).isNotSameAs(e.place);
    }

    @Test
    void nullColumnsGiveNullFieldsAndEmptyHolders() {
        Map<String, Object> values = new HashMap<>();
        values.put("id", 6L);
        values.put("count", 0);
        Object[] row = columns(EVERYTHING.concreteFields(), values);
        for (boolean generated : new boolean[] {true, false}) {
            Everything e = hydrate(generated, row);
            assertThat(e.chars).isNull();
            assertThat(e.integer).isNull();
            assertThat(e.money).isNull();
            assertThat(e.bytes).isNull();
            assertThat(e.json).isNull();
            assertThat(e.secret()).isNull();
            assertThat(e.publicStamp).isNull();
            assertThat(e.place.id()).isNull();
            assertThat(e.place.get()).isNull();
            assertThat(e.hiddenPlace().id()).isNull();
            assertThat(e.getId()).isEqualTo(6L);
        }
    }

    @Test
    void aNullInAPrimitiveFieldIsReportedAsOnTheAccessorPath() {
        Map<String, Object> values = fullRow();
        values.remove("count");
        Object[] row = columns(EVERYTHING.concreteFields(), values);
        String generated = messageOf(() -> hydrate(true, row));
        String handles = messageOf(() -> hydrate(false, row));
        assertThat(generated).contains("primitive").isEqualTo(handles);
    }

    @Test
    void aMalformedValueNamesTheColumnAsOnTheAccessorPath() {
        Object[] row = columns(EVERYTHING.concreteFields(), fullRow());
        row[EVERYTHING.concreteFields().indexOf(EVERYTHING.field("day"))] = "not a date";
        String generated = messageOf(() -> hydrate(true, row));
        String handles = messageOf(() -> hydrate(false, row));
        assertThat(generated).contains("\"day\"").isEqualTo(handles);
    }

    /** The error a read throws, as class name and message: what the generated and the accessor paths must agree on. */
    static String messageOf(Supplier<?> read) {
        try {
            read.get();
        } catch (DjormException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        throw new AssertionError("no error");
    }

    @Test
    void aLayoutOfSomeFieldsLeavesTheOthersDeferredAndSharesNoClassWithTheFullLayout() {
        List<FieldMeta> some = List.of(EVERYTHING.pk(), EVERYTHING.field("chars"), EVERYTHING.field("place"));
        Hydrator<Everything> h = new Hydrator<>(EVERYTHING, some, List.of(), List.of(), "default");
        Hydrator<Everything> full = new Hydrator<>(EVERYTHING, EVERYTHING.concreteFields(), List.of(), List.of(), "default");
        assertThat(h.generatedReader().getClass()).isNotEqualTo(full.generatedReader().getClass());
        assertThat(new Hydrator<>(EVERYTHING, some, List.of(), List.of(), "other").generatedReader().getClass())
                .isEqualTo(h.generatedReader().getClass());
        Everything e = h.read(cursor(new Object[] {7L, "x", 3L}));
        assertThat(e.chars).isEqualTo("x");
        assertThat(e.place.id()).isEqualTo(3L);
        assertThat(e.deferredFields()).contains("integer", "secret", "hiddenPlace_id");
    }

    @Test
    void aModelWithAPrivateConstructorIsCreatedThroughItsInstantiator() {
        ModelMeta sealed = Apps.meta(Sealed.class);
        Hydrator<Sealed> h = new Hydrator<>(sealed, sealed.concreteFields(), List.of(), List.of(), "default");
        assertThat(h.generatedReader()).isNotNull();
        Object[] row = columns(sealed.concreteFields(), Map.of("id", 1L, "name", "n", "place", 2L));
        Sealed s = h.read(cursor(row));
        assertThat(s.name).isEqualTo("n");
        assertThat(s.place.id()).isEqualTo(2L);
    }

    @Test
    void selectRelatedWithANullableKeyCachesNullAndOtherwiseTheRelatedInstance() {
        FieldMeta via = EVERYTHING.field("place");
        var selection = new Query.RelatedSelection("place", "T2", PLACE, via, -1, null);
        List<FieldMeta> base = List.of(EVERYTHING.pk(), via);
        for (boolean generated : new boolean[] {true, false}) {
            RowReaders.enabled(generated);
            Hydrator<Everything> h = new Hydrator<>(EVERYTHING, base, List.of(), List.of(), "default");
            SelectedRelations related = new SelectedRelations(List.of(selection), base, List.of(), base.size(), "default");
            RowCursor rows = new ListRowCursor(List.of("id", "place_id", "p_id", "p_name"),
                    List.of(new Object[] {1L, null, null, null}, new Object[] {2L, 30L, 30L, "Lyon"}));
            rows.next();
            Everything none = h.read(rows);
            related.attach(none, rows);
            assertThat(none.place.isCached()).isTrue();
            assertThat(none.place.get()).isNull();
            rows.next();
            Everything some = h.read(rows);
            related.attach(some, rows);
            assertThat(some.place.isCached()).isTrue();
            assertThat(some.place.get().name).isEqualTo("Lyon");
            assertThat(some.place.get().getId()).isEqualTo(30L);
            assertThat(some.place.id()).isEqualTo(30L);
        }
    }

    @Test
    void withGenerationOffOrWithoutAClassThereIsNoReaderAndTheAccessorsDoTheWork() {
        FieldType[] types = new FieldType[0];
        FieldMeta[] readAs = new FieldMeta[0];
        FieldAccessor[] accessors = new FieldAccessor[0];
        RowReaders.enabled(false);
        assertThat(RowReaders.reader(PLACE, PLACE.concreteFields(), types, readAs, accessors, 0)).isEmpty();
        RowReaders.enabled(true);
        ModelMeta historical = PLACE.toBuilder().javaClass(null, null).build();
        assertThat(RowReaders.reader(historical, historical.concreteFields(), types, readAs, accessors, 0)).isEmpty();
    }

    @Test
    void relationHoldersThroughTheAccessorsMatchTheGeneratedOnes() {
        FieldMeta[] refs = {EVERYTHING.field("place"), EVERYTHING.field("hiddenPlace"), EVERYTHING.field("home")};
        FieldMeta[] managers = {EVERYTHING.field("visited")};
        RelationHolders generated = RelationHolderGenerator.holders(EVERYTHING, refs, managers);
        RelationHolders handles = RelationHolders.byAccessors(EVERYTHING, refs, managers);
        assertThat(generated.getClass().getName()).contains("DjormRelationHolders");
        for (RelationHolders holders : List.of(generated, handles)) {
            Everything e = new Everything();
            e.place = null;
            e.visited = null;
            holders.init(e);
            assertThat(e.place).isNotNull();
            assertThat(e.hiddenPlace()).isNotNull();
            assertThat(e.home).isNotNull();
            assertThat(e.visited).isNotNull();
            e.place.setId(4);
            assertThat(ModelInternals.get(e, EVERYTHING.field("place"))).isEqualTo(4L);
        }
        RowReaders.enabled(false);
        assertThat(RelationHolderGenerator.holders(EVERYTHING, refs, managers).getClass().getName())
                .doesNotContain("DjormRelationHolders");
    }

    @Test
    void instancesMadeByUserCodeStillGetTheirDefaultsAndHolders() {
        Everything e = new Everything();
        assertThat(e.count).isEqualTo(7);
        assertThat(e.place).isNotNull();
        assertThat(e.visited).isNotNull();
        assertThat(Model.class.isInstance(e)).isTrue();
    }
    @Test
    void theHolderOfAPublicForeignKeyIsReadByGeneratedCodeAndAPrivateOneThroughItsAccessor() {
        RefField place = RefFields.of(EVERYTHING.field("place"));
        RefField hidden = RefFields.of(EVERYTHING.field("hiddenPlace"));
        assertThat(place.getClass().getName()).contains("DjormRefField");
        assertThat(hidden.getClass().getName()).doesNotContain("DjormRefField");
        assertThat(RefFields.of(EVERYTHING.field("place"))).isSameAs(place);
        Everything e = new Everything();
        assertThat(place.get(e)).isSameAs(e.place);
        assertThat(hidden.get(e)).isSameAs(e.hiddenPlace());
        e.place = null; // user code cleared the attribute: a holder is made, as the accessor path does
        assertThat(place.get(e)).isNotNull().isSameAs(e.place);
        RowReaders.enabled(false);
        assertThat(RefFields.of(EVERYTHING.field("place")).getClass().getName()).doesNotContain("DjormRefField");
    }

    @Test
    void theHydratorHandsItsPlanToTheConstructorOfItsOwnClassOnly() {
        Hydrating hydrating = Hydrating.current();
        Construction places = Construction.of(Place.class);
        hydrating.enter(places);
        try {
            assertThat(hydrating.fromRow()).isTrue();
            // an instance of another class (made by a model's constructor) looks its own plan up and takes the offer
            assertThat(hydrating.planOf(Everything.class)).isSameAs(Construction.of(Everything.class));
            assertThat(hydrating.planOf(Place.class)).isSameAs(places);
        } finally {
            hydrating.exit();
        }
        hydrating.enter(places);
        try {
            assertThat(hydrating.planOf(Place.class)).isSameAs(places);
        } finally {
            hydrating.exit();
        }
        assertThat(hydrating.fromRow()).isFalse();
    }

    @Test
    void afterHydratingOnBothPathsNewInstancesGetTheirDefaultsAgain() {
        Object[] row = columns(EVERYTHING.concreteFields(), fullRow());
        for (boolean generated : new boolean[] {true, false}) {
            Everything read = hydrate(generated, row);
            assertThat(read.count).isEqualTo(4);
            assertThat(Hydrating.current().fromRow()).isFalse();
            assertThat(new Everything().count).isEqualTo(7);
        }
    }

    @Test
    void selectRelatedOverAHolderTheAccessorReadsPutsTheInstanceThere() {
        FieldMeta via = EVERYTHING.field("hiddenPlace");
        var selection = new Query.RelatedSelection("hiddenPlace", "T2", PLACE, via, -1, null);
        List<FieldMeta> base = List.of(EVERYTHING.pk(), via);
        Hydrator<Everything> h = new Hydrator<>(EVERYTHING, base, List.of(), List.of(), "default");
        SelectedRelations related = new SelectedRelations(List.of(selection), base, List.of(), base.size(), "default");
        RowCursor rows = new ListRowCursor(List.of("id", "hidden_id", "p_id", "p_name"),
                List.of(new Object[] {1L, 40L, 40L, "Nantes"}, new Object[] {2L, null, null, null}));
        rows.next();
        Everything some = h.read(rows);
        related.attach(some, rows);
        assertThat(some.hiddenPlace().get().name).isEqualTo("Nantes");
        rows.next();
        Everything none = h.read(rows);
        related.attach(none, rows);
        assertThat(none.hiddenPlace().isCached()).isTrue();
        assertThat(none.hiddenPlace().get()).isNull();
    }
}
