package io.djorm.core.fields;

import io.djorm.core.Model;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A many-to-many relation; Django {@code ManyToManyField}. The Java attribute is a
 * {@link io.djorm.core.ManyRelated} manager, filled in by the model's constructor:
 *
 * <pre>{@code
 * @ManyToManyField(to = Tag.class, relatedName = "books")
 * public ManyRelated<Tag> tags;
 * }</pre>
 *
 * Without {@link #through()} the rows live in an automatic table {@code <table>_<field>} with the
 * columns {@code id}, {@code <model>_id} and {@code <target>_id} ({@code from_<model>_id} and
 * {@code to_<model>_id} for a relation to the model itself). The field has no column of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
@FieldKind(io.djorm.core.internal.fields.ManyToManyType.class)
public @interface ManyToManyField {

    /** The target model class; leave unset when {@link #toLabel()} names it. */
    Class<? extends Model> to() default Model.class;

    /** The target as {@code "app_label.ModelName"}, a bare model name of the same app, or {@code "self"}. */
    String toLabel() default "";

    /** The reverse accessor's name on the target; empty: {@code <model>_set}; {@code "+"}: none. */
    String relatedName() default "";

    /** A model of your own for the join rows (it has a ForeignKey to each side); unset: an automatic table. */
    Class<? extends Model> through() default Model.class;

    /** The join model as {@code "app_label.ModelName"}, for one of another app. */
    String throughLabel() default "";

    /** Whether validation accepts no related rows (Django: {@code blank=True}). */
    boolean blank() default false;

    /** A description for documentation and generated forms. */
    String helpText() default "";
}
