package io.djorm.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The {@code --only} option that {@link SqlitePairs} and {@link SqliteForks} share: which operations of
 * {@link SqliteTables#OPERATIONS} to measure, all of them by default.
 */
final class OperationChoice {
    @Option(names = "--only", split = ",", paramLabel = "op",
            description = "Operations to run, by method prefix (getByPk,filterCount,...); all by default.")
    private Set<String> only;

    /** The chosen operations in the page's order; fails when a name matches none. */
    List<String> operations() {
        List<String> operations = new ArrayList<>();
        for (String[] op : SqliteTables.OPERATIONS) {
            if (only == null || only.contains(op[0])) operations.add(op[0]);
        }
        if (operations.isEmpty()) throw new IllegalArgumentException("no operation of SqliteTables matches " + only);
        if (only != null && operations.size() < only.size()) {
            List<String> unknown = new ArrayList<>(only);
            unknown.removeAll(operations);
            throw new IllegalArgumentException("no operation of SqliteTables is called " + unknown);
        }
        return operations;
    }
}
