package io.djorm.benchmarks.sqlite;

import io.djorm.benchmarks.report.PairRunner.Call;
import io.djorm.benchmarks.report.PairRunner.Side;
import io.djorm.benchmarks.report.PairRunner.Step;

/**
 * The operations of {@link SqliteBenchmark} as pairs of sides for {@link io.djorm.benchmarks.report.PairRunner}:
 * each side calls the {@code _djorm} or {@code _jdbc} benchmark method with the setup JMH runs around it
 * ({@link SqliteBenchmark#emptyInbox} before every slice, as before every iteration; the delete's shelf
 * filled before every call, as before every invocation), on one {@link SqliteBenchmark} set up once.
 */
public final class PairedOperations {
    /**
     * One operation's two sides.
     *
     * @param djorm the {@code _djorm} method
     * @param jdbc the {@code _jdbc} method
     */
    public record Sides(Side djorm, Side jdbc) {
    }

    private PairedOperations() {
    }

    /** The two sides of operation {@code name} on the set-up benchmark {@code b}. */
    public static Sides of(String name, SqliteBenchmark b) {
        Step inbox = b::emptyInbox;
        return switch (name) {
            case "hydrate" -> sides(inbox, b::hydrate_djorm, b::hydrate_jdbc);
            case "getByPk" -> sides(inbox, b::getByPk_djorm, b::getByPk_jdbc);
            case "filterCount" -> sides(inbox, b::filterCount_djorm, b::filterCount_jdbc);
            case "selectRelated" -> sides(inbox, b::selectRelated_djorm, b::selectRelated_jdbc);
            case "selectRelatedTwoHops" -> sides(inbox, b::selectRelatedTwoHops_djorm, b::selectRelatedTwoHops_jdbc);
            case "prefetchRelated" -> sides(inbox, b::prefetchRelated_djorm, b::prefetchRelated_jdbc);
            case "values" -> sides(inbox, b::values_djorm, b::values_jdbc);
            case "valuesList" -> sides(inbox, b::valuesList_djorm, b::valuesList_jdbc);
            case "updateF" -> sides(inbox, b::updateF_djorm, b::updateF_jdbc);
            case "createInTransaction" -> sides(inbox, b::createInTransaction_djorm, b::createInTransaction_jdbc);
            case "bulkCreate" -> sides(inbox, b::bulkCreate_djorm, b::bulkCreate_jdbc);
            case "bulkUpdate" -> sides(inbox, b::bulkUpdate_djorm, b::bulkUpdate_jdbc);
            case "deleteCascade" -> {
                SqliteBenchmark.DjormShelf djormShelf = new SqliteBenchmark.DjormShelf();
                SqliteBenchmark.JdbcShelf jdbcShelf = new SqliteBenchmark.JdbcShelf();
                yield new Sides(new Side(inbox, djormShelf::fill, () -> b.deleteCascade_djorm(djormShelf)),
                        new Side(inbox, () -> jdbcShelf.fill(b), () -> b.deleteCascade_jdbc(jdbcShelf)));
            }
            default -> throw new IllegalArgumentException("SqliteBenchmark has no operation " + name);
        };
    }

    private static Sides sides(Step inbox, Call djorm, Call jdbc) {
        return new Sides(new Side(inbox, null, djorm), new Side(inbox, null, jdbc));
    }
}
