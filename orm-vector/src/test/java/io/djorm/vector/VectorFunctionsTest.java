package io.djorm.vector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.djorm.sqlite.SqliteExtension;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VectorFunctionsTest {
    private Connection connection;

    @BeforeEach
    void open() throws SQLException {
        connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        VectorFunctions.register(connection);
    }

    @AfterEach
    void close() throws SQLException {
        connection.close();
    }

    private Object query(String sql, Object... args) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) statement.setObject(i + 1, args[i]);
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getObject(1);
            }
        }
    }

    @Test
    void isFoundAsASqliteExtensionService() {
        assertThat(ServiceLoader.load(SqliteExtension.class).stream().map(ServiceLoader.Provider::type))
                .contains(VectorFunctions.class);
    }

    @Test
    void vector32AndItsAliasMakeBareF32Blobs() throws SQLException {
        assertThat(query("SELECT hex(vector32('[1,2,3]'))")).isEqualTo("0000803F0000004000004040");
        assertThat(query("SELECT hex(vector('[1,2,3]'))")).isEqualTo("0000803F0000004000004040");
        assertThat(query("SELECT typeof(vector32('[]')) || length(vector32('[]'))")).isEqualTo("blob0");
    }

    @Test
    void vector64EndsWithTypeByteTwo() throws SQLException {
        assertThat(query("SELECT hex(vector64('[1,2,3]'))")).isEqualTo("000000000000F03F0000000000000040000000000000084002");
        assertThat(query("SELECT hex(vector32(vector64('[1.5]')))")).isEqualTo("0000C03F");
    }

    @Test
    void vectorExtractPrintsShortestDecimals() throws SQLException {
        assertThat(query("SELECT vector_extract(vector32('[0.1, 1e-7, -0, 3]'))")).isEqualTo("[0.1,0.0000001,-0,3]");
        assertThat(query("SELECT vector_extract(vector64(vector32('[0.3]')))")).isEqualTo("[0.30000001192092896]");
    }

    @Test
    void cosineDistance() throws SQLException {
        assertThat((double) query("SELECT vector_distance_cos(vector32('[1,0]'), vector32('[0,1]'))")).isEqualTo(1.0);
        assertThat((double) query("SELECT vector_distance_cos('[1,2]', '[-1,-2]')")).isEqualTo(2.0, within(1e-12));
        assertThat((double) query("SELECT vector_distance_cos('[1,2]', '[2,4]')")).isEqualTo(0.0, within(1e-12));
        assertThat((double) query("SELECT vector_distance_cos('[3,4]', '[4,3]')")).isEqualTo(1 - 24.0 / 25, within(1e-12));
        assertThat((double) query("SELECT vector_distance_cos(vector64('[3,4]'), vector64('[4,3]'))"))
                .isEqualTo(1 - 24.0 / 25, within(1e-15));
    }

    @Test
    void cosineDistanceOfZeroVectorsFollowsTurso() throws SQLException {
        assertThat((double) query("SELECT vector_distance_cos('[0,0]', '[0,0]')")).isEqualTo(0.0);
        assertThat((double) query("SELECT vector_distance_cos('[0,0]', '[1,1]')")).isEqualTo(1.0);
        assertThat((double) query("SELECT vector_distance_cos('[]', '[]')")).isEqualTo(0.0);
    }

    @Test
    void distancesStayExactForVectorsFarOutsideFloatArithmetic() throws SQLException {
        // tursodb answers 0 and Infinity here (single-precision sums); double sums give the true values.
        assertThat((double) query("SELECT vector_distance_cos('[1e-20,-2e-20,3e-20,0,1e-20]', '[1,1,1,1,1]')"))
                .isEqualTo(1 - 3e-20 / Math.sqrt(15e-40 * 5), within(1e-6));
        assertThat((double) query("SELECT vector_distance_cos('[1e20,1e20]', '[1e20,1]')"))
                .isEqualTo(1 - Math.sqrt(0.5), within(1e-6));
        assertThat((double) query("SELECT vector_distance_l2('[3e38]', '[-3e38]')")).isEqualTo(6e38, within(1e32));
    }

    @Test
    void l2Distance() throws SQLException {
        assertThat((double) query("SELECT vector_distance_l2('[1,2]', '[4,6]')")).isEqualTo(5.0);
        assertThat((double) query("SELECT vector_distance_l2(vector64('[1,2,3]'), vector64('[1,2,3]'))")).isEqualTo(0.0);
        assertThat((double) query("SELECT vector_distance_l2('[1,1,1,1,1]', '[0,0,0,0,0]')")).isEqualTo(Math.sqrt(5));
    }

    @Test
    void distancesWorkOnBoundBlobsAndColumns() throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("CREATE TABLE item (id INTEGER PRIMARY KEY, embedding F32_BLOB(2))");
            statement.execute("INSERT INTO item (embedding) VALUES (vector32('[1,0]')), (vector32('[0,1]')), (vector32('[1,1]'))");
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT id FROM item ORDER BY vector_distance_cos(embedding, vector32(?)) LIMIT 1")) {
            statement.setString(1, "[0.1, 0.9]");
            try (ResultSet rs = statement.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void mismatchedVectorsAreSqlErrorsThatSayWhy() {
        assertThatThrownBy(() -> query("SELECT vector_distance_cos('[1,2]', '[1,2,3]')"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("vector_distance_cos: the vectors have different dimensions (2 and 3)");
        assertThatThrownBy(() -> query("SELECT vector_distance_l2(vector64('[1,2]'), '[1,2]')"))
                .hasMessageContaining("vector_distance_l2: the vectors have different types (F64 and F32)");
    }

    @Test
    void badArgumentsAreSqlErrorsThatSayWhy() {
        assertThatThrownBy(() -> query("SELECT vector32(NULL)"))
                .hasMessageContaining("vector32: argument 1 is NULL; a vector is a blob");
        assertThatThrownBy(() -> query("SELECT vector_distance_cos('[1]', 7)"))
                .hasMessageContaining("vector_distance_cos: argument 2 is an integer");
        assertThatThrownBy(() -> query("SELECT vector_extract('[1,2]')"))
                .hasMessageContaining("vector_extract: argument 1 is text; vector_extract reads a vector blob");
        assertThatThrownBy(() -> query("SELECT vector32('[1,,2]')"))
                .hasMessageContaining("vector32: invalid vector text '[1,,2]': element 2 ('') is not a decimal number");
        assertThatThrownBy(() -> query("SELECT vector_extract(x'0000803f07')"))
                .hasMessageContaining("vector_extract: a 5-byte blob ending in byte 7 is not a vector");
        assertThatThrownBy(() -> query("SELECT vector32('[1]', 2)"))
                .hasMessageContaining("wrong number of arguments to function vector32()");
    }

    @Test
    void refusesConnectionsThatAreNotSqlite() {
        Connection other = (Connection) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("isWrapperFor") ? false : null);
        assertThatThrownBy(() -> VectorFunctions.register(other))
                .hasMessageContaining("only be added to a sqlite-jdbc connection");
    }
}
