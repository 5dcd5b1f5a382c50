package io.djorm.vector.internal;

/** The distances the query expressions compute, each named as users know it. */
public enum DistanceMetric {
    /** {@code 1 - cos(a, b)}: 0 for the same direction, 2 for opposite ones. */
    COSINE("CosineDistance"),
    /** The Euclidean distance {@code |a - b|}. */
    L2("L2Distance"),
    /** The negated inner product {@code -(a · b)}, smallest for the largest inner product. */
    NEGATIVE_INNER_PRODUCT("MaxInnerProduct");

    private final String expressionName;

    DistanceMetric(String expressionName) {
        this.expressionName = expressionName;
    }

    /** The name of the public expression class, for messages. */
    public String expressionName() {
        return expressionName;
    }
}
