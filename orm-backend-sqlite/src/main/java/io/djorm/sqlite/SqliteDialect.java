package io.djorm.sqlite;

import io.djorm.core.NotSupportedError;
import io.djorm.core.meta.FieldMeta;
import io.djorm.core.meta.ModelMeta;
import io.djorm.core.spi.Connection;
import io.djorm.core.spi.Dialect;
import io.djorm.core.spi.ModelResolver;
import io.djorm.core.spi.SchemaEditor;
import io.djorm.sqlite.internal.PortableFunctions;
import io.djorm.sqlite.internal.schema.SqliteSchemaEditor;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of the SQLite family: SQLite files through sqlite-jdbc and libSQL servers (which run Turso's
 * SQLite-compatible engine). Uses only SQL that both engines run, so that no query depends on a Java
 * function registered on a local connection, except REGEXP, which libSQL servers provide natively.
 */
public class SqliteDialect implements Dialect {
    private static final java.util.concurrent.ConcurrentHashMap<String, String> QUOTED = new java.util.concurrent.ConcurrentHashMap<>();
    private final String name;
    private final int maxParameters;
    /** In {@link #missingFunctions}: the engine has no ROWS/RANGE window frames. */
    /** The name under which a dialect lacks window frames (ROWS/RANGE BETWEEN ...). */
    public static final String FRAMES = "ROWS/RANGE FRAMES";
    /** Functions the engine behind this dialect lacks (upper case), and how to name that engine in errors. */
    private final java.util.Set<String> missingFunctions;
    /** Functions found missing at run time (a server asked once), or nothing. */
    private final java.util.function.Predicate<String> lacksFunction;
    private final String engine;

    /** The dialect of local SQLite files. */
    public SqliteDialect() {
        this("sqlite", 32766);
    }

    /** A dialect of the SQLite family with its own name and parameter limit. */
    public SqliteDialect(String name, int maxParameters) {
        this(name, maxParameters, java.util.Set.of(), name);
    }

    private SqliteDialect(String name, int maxParameters, java.util.Set<String> missingFunctions, String engine) {
        this(name, maxParameters, missingFunctions, f -> false, engine);
    }

    private SqliteDialect(String name, int maxParameters, java.util.Set<String> missingFunctions,
                          java.util.function.Predicate<String> lacksFunction, String engine) {
        this.name = name;
        this.maxParameters = maxParameters;
        this.missingFunctions = missingFunctions;
        this.lacksFunction = lacksFunction;
        this.engine = engine;
    }

    /**
     * The dialect of a libSQL server whose functions are learned from the server itself:
     * {@code lacksFunction} says (by upper-case name) whether that server lacks a function, and such a
     * function raises NotSupportedError naming {@code server} instead of failing there.
     */
    public static SqliteDialect forServer(String server, java.util.function.Predicate<String> lacksFunction) {
        return new SqliteDialect("sqlite", 32766, java.util.Set.of(), lacksFunction, server);
    }

    /**
     * The dialect of a libSQL server running Turso's engine ({@code tursodb}): the same SQL, minus the
     * window functions that engine lacks (RANK, NTILE, PERCENT_RANK and CUME_DIST are rewritten
     * portably; DENSE_RANK, LAG, LEAD, FIRST_VALUE, LAST_VALUE, NTH_VALUE and window frames raise
     * NotSupportedError naming the server instead of failing there).
     */
    public static SqliteDialect forTursoServer() {
        return new SqliteDialect("sqlite", 32766, java.util.Set.of("DENSE_RANK", "LAG", "LEAD", "NTILE", "FIRST_VALUE",
                "LAST_VALUE", "NTH_VALUE", "PERCENT_RANK", "CUME_DIST", "RANK", FRAMES), "libsql-remote (tursodb server)");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String quote(String identifier) {
        // Identifiers repeat in every query; quoting them once keeps SQL rendering cheap.
        String quoted = QUOTED.get(identifier);
        if (quoted == null) {
            quoted = '"' + identifier.replace("\"", "\"\"") + '"';
            if (QUOTED.size() < 10_000) QUOTED.put(identifier, quoted);
        }
        return quoted;
    }

    @Override
    public String lookup(String lookupName, String lhs, String rhs) {
        return switch (lookupName) {
            case "exact" -> lhs + " = " + rhs;
            case "iexact" -> "LOWER(" + lhs + ") = LOWER(" + rhs + ")";
            case "gt" -> lhs + " > " + rhs;
            case "gte" -> lhs + " >= " + rhs;
            case "lt" -> lhs + " < " + rhs;
            case "lte" -> lhs + " <= " + rhs;
            // instr() is case-sensitive and needs no escaping of % and _, unlike LIKE.
            case "contains" -> "INSTR(" + lhs + ", " + rhs + ") > 0";
            case "icontains" -> "INSTR(LOWER(" + lhs + "), LOWER(" + rhs + ")) > 0";
            case "startswith" -> "INSTR(" + lhs + ", " + rhs + ") = 1";
            case "istartswith" -> "INSTR(LOWER(" + lhs + "), LOWER(" + rhs + ")) = 1";
            case "endswith" -> endsWith(lhs, rhs);
            case "iendswith" -> endsWith("LOWER(" + lhs + ")", "LOWER(" + rhs + ")");
            case "regex" -> lhs + " REGEXP " + rhs;
            case "iregex" -> lhs + " REGEXP ('(?i)' || " + rhs + ")";
            default -> null;
        };
    }

    /**
     * Compares the UTF-8 bytes of the end: LENGTH and SUBSTR of text stop at the first NUL character,
     * those of a blob do not, and a byte suffix of UTF-8 is a character suffix.
     */
    private static String endsWith(String lhs, String rhs) {
        String l = "CAST(" + lhs + " AS BLOB)";
        String r = "CAST(" + rhs + " AS BLOB)";
        return "SUBSTR(" + l + ", LENGTH(" + l + ") - LENGTH(" + r + ") + 1) = " + r;
    }

    @Override
    public String extract(String part, String lhs) {
        String p = part.toLowerCase(Locale.ROOT);
        return switch (p) {
            case "year" -> strftime("%Y", lhs);
            case "iso_year" -> strftime("%G", lhs);
            case "month" -> strftime("%m", lhs);
            case "day" -> strftime("%d", lhs);
            case "hour" -> strftime("%H", lhs);
            case "minute" -> strftime("%M", lhs);
            case "second" -> strftime("%S", lhs);
            case "week" -> strftime("%V", lhs);
            // Django: 1 = Sunday ... 7 = Saturday; SQLite %w: 0 = Sunday.
            case "week_day" -> "(" + strftime("%w", lhs) + " + 1)";
            case "iso_week_day" -> "((" + strftime("%w", lhs) + " + 6) % 7 + 1)";
            case "quarter" -> "((" + strftime("%m", lhs) + " + 2) / 3)";
            default -> throw new io.djorm.core.FieldError("Unknown date part '" + part + "'. Use one of year, "
                    + "iso_year, quarter, month, week, day, week_day, iso_week_day, hour, minute, second.");
        };
    }

    private static String strftime(String format, String lhs) {
        return "CAST(STRFTIME('" + format + "', " + PortableFunctions.toMillis(lhs) + ") AS INTEGER)";
    }

    @Override
    public String truncDate(String lhs) {
        return "DATE(" + PortableFunctions.toMillis(lhs) + ")";
    }

    @Override
    public String windowFrame(String mode, String start, String end) {
        if (missingFunctions.contains(FRAMES) || lacksFunction.test(FRAMES)) {
            throw new NotSupportedError("The " + engine + " backend has no window frames (" + mode + " BETWEEN " + start
                    + " AND " + end + "). Drop the frame, or read from a local SQLite or libSQL file (a replica reads locally).");
        }
        return Dialect.super.windowFrame(mode, start, end);
    }

    @Override
    public String truncate(String kind, String lhs, String outputType) {
        return PortableFunctions.truncate(kind, lhs, outputType);
    }

    @Override
    public String limitOffset(Long limit, long offset) {
        if (limit == null && offset == 0) return "";
        return " LIMIT " + (limit == null ? -1 : limit) + (offset > 0 ? " OFFSET " + offset : "");
    }

    @Override
    public String randomOrdering() {
        return "RANDOM()";
    }

    @Override
    public String explainPrefix() {
        return "EXPLAIN QUERY PLAN ";
    }

    @Override
    public String columnType(FieldMeta field) {
        String custom = field.type().columnType(this, field);
        if (custom != null) return custom;
        if (!field.hasColumn()) return null;
        return switch (field.type().internalType()) {
            case "AutoField", "BigAutoField" -> "integer";
            case "CharField", "EmailField", "URLField", "SlugField" -> "varchar(" + field.intParam("max_length") + ")";
            case "TextField" -> "text";
            case "IntegerField" -> "integer";
            case "BigIntegerField" -> "bigint";
            case "SmallIntegerField" -> "smallint";
            case "PositiveIntegerField" -> "integer unsigned";
            case "FloatField" -> "real";
            case "DecimalField" -> "decimal";
            case "BooleanField" -> "bool";
            case "DateField" -> "date";
            case "DateTimeField" -> "datetime";
            case "TimeField" -> "time";
            case "DurationField" -> "bigint";
            case "UUIDField" -> "char(32)";
            case "JSONField" -> "text";
            case "BinaryField" -> "BLOB";
            default -> throw new NotSupportedError("The " + name + " backend has no column type for "
                    + field.type().internalType() + " (field '" + field.name() + "').");
        };
    }

    @Override
    public String function(String function, List<String> args) {
        String f = function.toUpperCase(Locale.ROOT);
        if (missingFunctions.contains(f) || lacksFunction.test(f)) {
            throw new NotSupportedError("The " + engine + " backend has no " + f + "() function. Compute the value in "
                    + "Java from ordered rows, or read from a local SQLite or libSQL file (a replica reads locally).");
        }
        return switch (f) {
            case "CAST" -> cast(args.get(0), args.get(1));
            case "CONCAT" -> {
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < args.size(); i++) {
                    if (i > 0) sb.append(" || ");
                    sb.append("COALESCE(").append(args.get(i)).append(", '')");
                }
                yield sb.append(")").toString();
            }
            case "GREATEST" -> call("MAX", args);
            case "LEAST" -> call("MIN", args);
            case "NOW" -> "STRFTIME('%Y-%m-%d %H:%M:%f', 'now')";
            // SQLite has no variance aggregates; these portable forms run on every SQLite-family engine.
            case "VAR_POP" -> variance(args.get(0), false);
            case "VAR_SAMP" -> variance(args.get(0), true);
            case "STDDEV_POP" -> "SQRT(" + variance(args.get(0), false) + ")";
            case "STDDEV_SAMP" -> "SQRT(" + variance(args.get(0), true) + ")";
            default -> {
                String portable = PortableFunctions.render(f, args);
                yield portable != null ? portable : call(f, args);
            }
        };
    }

    /** CAST by the target field's internal type; dates stay ISO text, as the SQLite family stores them. */
    private String cast(String x, String internalType) {
        return switch (internalType) {
            case "AutoField", "BigAutoField", "IntegerField", "BigIntegerField", "SmallIntegerField",
                    "PositiveIntegerField", "DurationField" -> "CAST(" + x + " AS INTEGER)";
            case "FloatField" -> "CAST(" + x + " AS REAL)";
            case "DecimalField" -> "CAST(" + x + " AS NUMERIC)";
            case "CharField", "TextField", "EmailField", "URLField", "SlugField", "UUIDField", "JSONField" ->
                    "CAST(" + x + " AS TEXT)";
            case "BooleanField" -> "(CAST(" + x + " AS INTEGER) != 0)";
            case "DateField" -> "DATE(" + x + ")";
            case "DateTimeField" -> "STRFTIME('%Y-%m-%d %H:%M:%f', " + x + ")";
            case "TimeField" -> "STRFTIME('%H:%M:%f', " + x + ")";
            default -> throw new NotSupportedError("The " + engine + " backend cannot CAST to " + internalType + ".");
        };
    }

    private static String variance(String x, boolean sample) {
        String population = "(AVG((" + x + ") * (" + x + ")) - AVG(" + x + ") * AVG(" + x + "))";
        return sample ? "(" + population + " * COUNT(" + x + ") / (COUNT(" + x + ") - 1.0))" : population;
    }

    private static String call(String fn, List<String> args) {
        return fn + "(" + String.join(", ", args) + ")";
    }

    @Override
    public int maxParameters() {
        return maxParameters;
    }

    @Override
    public SchemaEditor schemaEditor(Connection connection, ModelResolver models) {
        return new SqliteSchemaEditor(connection, this, models);
    }

    /** The CREATE TABLE statements for a model, for display and tests. */
    public List<String> createTableSql(ModelMeta model, ModelResolver models) {
        return schemaEditor(null, models).createModelSql(model);
    }
}
