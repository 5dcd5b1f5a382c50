package io.djorm.libsql.internal.hrana;

import java.util.List;

/**
 * What one statement of a batch returned, decoded.
 *
 * @param columns the column names, in select order
 * @param rows each row's canonical values (null, Long, Double, String, byte[])
 * @param affectedRowCount the change count the server reported itself (some servers always report 0)
 */
record StepResult(List<String> columns, List<Object[]> rows, long affectedRowCount) {
}
