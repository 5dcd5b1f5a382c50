package io.djorm.migrations;

import static io.djorm.migrations.Fixtures.fk;
import static io.djorm.migrations.Fixtures.integer;
import static io.djorm.migrations.Fixtures.model;
import static org.assertj.core.api.Assertions.assertThat;

import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.IndexMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.migrations.internal.operations.AddField;
import io.djorm.migrations.internal.operations.AddIndex;
import io.djorm.migrations.internal.operations.AlterField;
import io.djorm.migrations.internal.operations.AlterUniqueTogether;
import io.djorm.migrations.internal.operations.CreateModel;
import io.djorm.migrations.internal.operations.DeleteModel;
import io.djorm.migrations.internal.operations.Operation;
import io.djorm.migrations.internal.operations.RemoveField;
import io.djorm.migrations.internal.operations.RenameField;
import io.djorm.migrations.internal.operations.RenameModel;
import io.djorm.migrations.internal.optimizer.MigrationOptimizer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The optimizer on the cases of parity/django/squash/cases.py: each expected list is what Django
 * 3.2's MigrationOptimizer gives for the same operations (quoted in the comments).
 */
class MigrationOptimizerTest {
    private static ModelMeta create(String name, String... fields) {
        ModelMeta.Builder b = model("shop", name);
        for (String f : fields) b.field(nullable(f));
        return b.build();
    }

    private static FieldMeta nullable(String name) {
        return integer(name).nullable(true).build();
    }

    private static FieldMeta indexed(String name) {
        return integer(name).nullable(true).dbIndex(true).build();
    }

    private static void assertOptimized(List<Operation> ops, List<Operation> expected) {
        assertThat(MigrationOptimizer.optimize(ops, "shop")).extracting(o -> o.toJson().toString())
                .containsExactlyElementsOf(expected.stream().map(o -> o.toJson().toString()).toList());
    }

    @Test
    void aModelCreatedThenDeletedLeavesNothing() {
        // Django: (nothing)
        assertOptimized(List.of(new CreateModel(create("Foo", "a")), new DeleteModel("Foo")), List.of());
    }

    @Test
    void aCreatedModelTakesItsNewName() {
        // Django: Create model Bar
        assertOptimized(List.of(new CreateModel(create("Foo", "a")), new RenameModel("Foo", "Bar")),
                List.of(new CreateModel(create("Bar", "a"))));
    }

    @Test
    void renamesChain() {
        // Django: Rename model A to C; Rename field x on Book to z
        assertOptimized(List.of(new RenameModel("A", "B"), new RenameModel("B", "C")), List.of(new RenameModel("A", "C")));
        assertOptimized(List.of(new RenameField("Book", "x", "y"), new RenameField("Book", "y", "z")),
                List.of(new RenameField("Book", "x", "z")));
    }

    @Test
    void anAddedFieldAbsorbsItsLaterChanges() {
        // Django: Add field y to Book; Add field x to Book (altered); (nothing)
        assertOptimized(List.of(new AddField("Book", nullable("x")), new RenameField("Book", "x", "y")),
                List.of(new AddField("Book", nullable("y"))));
        assertOptimized(List.of(new AddField("Book", nullable("x")), new AlterField("Book", indexed("x"))),
                List.of(new AddField("Book", indexed("x"))));
        assertOptimized(List.of(new AddField("Book", nullable("x")), new RemoveField("Book", "x")), List.of());
    }

    @Test
    void removalsSupersedeEarlierChanges() {
        // Django: Remove field x from Book; Delete model Book; Alter unique_together for Book (1 constraint(s))
        assertOptimized(List.of(new AlterField("Book", indexed("x")), new RemoveField("Book", "x")),
                List.of(new RemoveField("Book", "x")));
        assertOptimized(List.of(new RemoveField("Book", "x"), new DeleteModel("Book")), List.of(new DeleteModel("Book")));
        assertOptimized(List.of(new AlterUniqueTogether("Book", List.of(List.of("a", "b"))),
                new AlterUniqueTogether("Book", List.of(List.of("a", "c")))),
                List.of(new AlterUniqueTogether("Book", List.of(List.of("a", "c")))));
    }

    @Test
    void aCreateModelMovesRightPastModelsItDoesNotUse() {
        // Django: Create model Tag | Create model Author
        assertOptimized(List.of(new CreateModel(create("Author", "a")), new CreateModel(create("Tag", "b")),
                new AddField("Author", nullable("c")), new RemoveField("Author", "a")),
                List.of(new CreateModel(create("Tag", "b")), new CreateModel(create("Author", "c"))));
    }

    @Test
    void operationsThatUseTheModelBlock() {
        // Django: Create model Author | Create model Book | Delete model Author
        List<Operation> referenced = List.of(new CreateModel(create("Author", "a")),
                new CreateModel(model("shop", "Book").field(fk("author", "shop.Author").build()).build()), new DeleteModel("Author"));
        assertOptimized(referenced, referenced);
        // Django: Add field x | Create index book_x_idx | Remove field x (an index operation lets nothing across)
        List<Operation> indexed = List.of(new AddField("Book", nullable("x")),
                new AddIndex("Book", new IndexMeta("book_x_idx", List.of("x"), false)), new RemoveField("Book", "x"));
        assertOptimized(indexed, indexed);
    }
}
