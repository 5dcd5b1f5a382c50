package io.djorm.vector;

import io.djorm.core.FieldError;
import io.djorm.core.expressions.Expression;
import io.djorm.core.expressions.F;
import io.djorm.core.expressions.OutputFields;
import io.djorm.core.expressions.Resolver;
import io.djorm.core.expressions.SqlWriter;
import io.djorm.core.meta.FieldMeta;
import io.djorm.vector.internal.Distance;
import io.djorm.vector.internal.DistanceMetric;
import io.djorm.vector.internal.QueryVector;
import io.djorm.vector.internal.VectorSql;
import io.djorm.vector.internal.VectorType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The shared part of the distance expressions: two vectors (a field or expression, and a query vector
 * or another field or expression) rendered as the dialect's distance function, read back as a Double.
 * The vector functions raise an error on NULL, so a side that may be NULL is guarded with
 * {@code CASE WHEN x IS NULL THEN NULL ELSE ... END}, which makes the distance of a NULL vector NULL.
 */
abstract class DistanceExpression implements Expression, Distance, Cloneable {
    private final DistanceMetric metric;
    private Expression vector;
    private Expression other;

    DistanceExpression(DistanceMetric metric, Object vector, Object other) {
        this.metric = metric;
        this.vector = vectorArgument(Objects.requireNonNull(vector, "vector"), metric);
        this.other = QueryVector.isVectorValue(other) ? QueryVector.of(other)
                : vectorArgument(Objects.requireNonNull(other, "other"), metric);
    }

    private static Expression vectorArgument(Object argument, DistanceMetric metric) {
        if (argument instanceof String name) return F.of(name);
        if (argument instanceof Expression expression) return expression;
        throw new IllegalArgumentException(metric.expressionName() + " compares a field name or an expression with a query "
                + "vector (float[], double[] or List<Number>), a field name or an expression, not "
                + argument.getClass().getName() + ".");
    }

    @Override
    public DistanceMetric metric() {
        return metric;
    }

    @Override
    public Expression vector() {
        return vector;
    }

    @Override
    public Expression other() {
        return other;
    }

    @Override
    public Expression resolve(Resolver resolver) {
        Expression resolvedVector = vector.resolve(resolver);
        Expression resolvedOther = other.resolve(resolver);
        FieldMeta left = resolvedVector.outputField();
        if (resolvedOther instanceof QueryVector query) {
            query.checkAgainst(left);
        } else {
            requireSameDimensions(left, resolvedOther.outputField());
        }
        try {
            DistanceExpression copy = (DistanceExpression) clone();
            copy.vector = resolvedVector;
            copy.other = resolvedOther;
            return copy;
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }

    private void requireSameDimensions(FieldMeta a, FieldMeta b) {
        Integer da = dimensions(a);
        Integer db = dimensions(b);
        if (da != null && db != null && !da.equals(db)) {
            throw new FieldError(metric.expressionName() + " compares '" + a.name() + "' (" + da + " dimensions) with '"
                    + b.name() + "' (" + db + " dimensions); vectors of different lengths have no distance.");
        }
    }

    private static Integer dimensions(FieldMeta field) {
        return field != null && field.type() instanceof VectorType ? field.intParam(VectorType.DIMENSIONS) : null;
    }

    @Override
    public void render(SqlWriter out) {
        String function = VectorSql.distanceFunction(out.dialect(), metric);
        List<Expression> mayBeNull = new ArrayList<>(2);
        if (mayBeNull(vector)) mayBeNull.add(vector);
        if (mayBeNull(other)) mayBeNull.add(other);
        if (!mayBeNull.isEmpty()) {
            out.sql("CASE WHEN ");
            for (int i = 0; i < mayBeNull.size(); i++) {
                if (i > 0) out.sql(" OR ");
                out.expression(mayBeNull.get(i)).sql(" IS NULL");
            }
            out.sql(" THEN NULL ELSE ");
        }
        out.sql(function).sql("(").expression(vector).sql(", ").expression(other).sql(")");
        if (!mayBeNull.isEmpty()) out.sql(" END");
    }

    /** A query vector is never NULL; a column is when nullable; an expression of unknown type may be. */
    private static boolean mayBeNull(Expression e) {
        if (e instanceof QueryVector) return false;
        FieldMeta field = e.outputField();
        return field == null || field.nullable();
    }

    /** Distances read back as Double. */
    @Override
    public FieldMeta outputField() {
        return OutputFields.FLOAT;
    }

    @Override
    public boolean containsAggregate() {
        return vector.containsAggregate() || other.containsAggregate();
    }

    @Override
    public boolean containsOverClause() {
        return vector.containsOverClause() || other.containsOverClause();
    }

    @Override
    public String toString() {
        return metric.expressionName() + "(" + vector + ", " + other + ")";
    }
}
