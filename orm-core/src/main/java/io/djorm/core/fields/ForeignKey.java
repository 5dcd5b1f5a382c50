package io.djorm.core.fields;

import io.djorm.core.Model;
import io.djorm.core.OnDelete;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-one relation; Django {@code ForeignKey}. The Java attribute is a {@link io.djorm.core.Ref}
 * holder, filled in by the model's constructor:
 *
 * <pre>{@code
 * @ForeignKey(to = Author.class, onDelete = OnDelete.CASCADE, relatedName = "books")
 * public Ref<Author> author;
 * }</pre>
 *
 * The column is {@code <snake_name>_id}. Name the target with {@link #to()} or, for a model of
 * another app or the model itself, with {@link #toLabel()} ({@code "shop.Author"}, {@code "self"}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@FieldKind(io.djorm.core.internal.fields.ForeignKeyType.class)
public @interface ForeignKey {

    /** The target model class; leave unset when {@link #toLabel()} names it. */
    Class<? extends Model> to() default Model.class;

    /** The target as {@code "app_label.ModelName"}, a bare model name of the same app, or {@code "self"}. */
    String toLabel() default "";

    /** What deleting the target row does to rows pointing at it (Django: {@code on_delete}). */
    OnDelete onDelete();

    /** The reverse accessor's name on the target; empty: {@code <model>_set}; {@code "+"}: none. */
    String relatedName() default "";

    /** The target field the key refers to; empty: the primary key. */
    String toField() default "";

    /** Whether the database gets a FOREIGN KEY constraint. */
    boolean dbConstraint() default true;

    /** Whether the column accepts NULL (Django: {@code null=True}). */
    boolean nullable() default false;

    /** Whether validation accepts an empty value (Django: {@code blank=True}). */
    boolean blank() default false;

    /** The column name; empty means {@code <snake_name>_id}. */
    String dbColumn() default "";

    /** The default raw key as text ({@code "1"}); unset by default. */
    String defaultValue() default FieldDefaults.NONE;

    /** Whether the field takes part in validation and forms (Django: {@code editable}). */
    boolean editable() default true;

    /** A description for documentation and generated forms. */
    String helpText() default "";
}
