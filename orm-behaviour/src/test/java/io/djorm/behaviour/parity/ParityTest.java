package io.djorm.behaviour.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.djorm.behaviour.BackendFixture;
import io.djorm.core.QueryCapture;
import io.djorm.testkit.TestBackend;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Django as the oracle: replays every case Django 3.2 answered (parity/django, committed as JSON under
 * resources/parity) through djorm on every backend, and compares the answers. Reading cases run on the
 * fixed dataset; after a writing case the dataset is reloaded.
 */
@ParameterizedClass(name = "[{0}]")
@MethodSource("backends")
class ParityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern LACKED_FUNCTION =
            java.util.regex.Pattern.compile("^The libsql-remote \\(server .+\\) backend has no ([A-Z_]+\\(\\) function|window frames)");

    @Parameter
    String backend;

    static List<String> backends() {
        return TestBackend.selected();
    }

    /** One Django answer as the generator wrote it. */
    record Expected(String topic, JsonNode entry) {
        String id() {
            return entry.get("id").asText();
        }
    }

    static JsonNode resource(String name) {
        try (InputStream in = ParityTest.class.getResourceAsStream("/parity/" + name + ".json")) {
            if (in == null) throw new IllegalStateException("missing resource parity/" + name + ".json: run parity/django/generate.py");
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Expected> expected() {
        List<Expected> out = new ArrayList<>();
        for (JsonNode topic : resource("index").get("topics")) {
            for (JsonNode entry : resource(topic.asText()).get("cases")) out.add(new Expected(topic.asText(), entry));
        }
        return out;
    }

    @Test
    void everyIdExistsOnBothSides() {
        TreeSet<String> django = new TreeSet<>();
        for (Expected e : expected()) django.add(e.id());
        TreeSet<String> java = new TreeSet<>(Corpus.all().cases().keySet());
        TreeSet<String> onlyDjango = new TreeSet<>(django);
        onlyDjango.removeAll(java);
        TreeSet<String> onlyJava = new TreeSet<>(java);
        onlyJava.removeAll(django);
        assertThat(onlyDjango).as("cases Django answered that have no Java twin").isEmpty();
        assertThat(onlyJava).as("Java cases Django never answered (regenerate the corpus)").isEmpty();
    }

    @Test
    void everyDifferenceIsDocumented() throws IOException {
        Path page = Path.of(System.getProperty("djorm.repoRoot", ".."), "docs", "django-names.md");
        String docs = Files.readString(page);
        for (Expected e : expected()) {
            if (e.entry().has("differs")) {
                assertThat(docs).as("docs/django-names.md lists the difference of " + e.id()).contains("`" + e.id() + "`");
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> djangoAnswers() {
        BackendFixture.use(getClass(), backend, Dataset.models(), List.of(getClass().getPackageName()));
        JsonNode dataset = resource("dataset");
        Dataset.load(dataset);
        Map<String, Corpus.Case> cases = Corpus.all().cases();
        return expected().stream().map(e -> DynamicTest.dynamicTest(e.id(), () -> {
            Corpus.Case c = cases.get(e.id());
            if (c == null) fail("no Java case for " + e.id());
            try {
                check(e.entry(), c);
            } finally {
                if (c.writes()) {
                    BackendFixture.clear();
                    Dataset.load(dataset);
                }
            }
        }));
    }

    private static void check(JsonNode django, Corpus.Case c) throws Exception {
        JsonNode expected = djormsSide(django);
        Object answer;
        int queries;
        try (QueryCapture capture = QueryCapture.start()) {
            try {
                answer = c.body().call();
            } catch (io.djorm.core.NotSupportedError ex) {
                // A server that lacks a function or window frames (found by asking it) refuses by name before
                // the query is sent (issue 14, divergence 7); a server that has them must give Django's answer.
                if (!expected.has("error") && LACKED_FUNCTION.matcher(String.valueOf(ex.getMessage())).find()) return;
                throw new AssertionError(c.id() + ": djorm raised NotSupportedError (" + ex.getMessage() + "), Django answered "
                        + expected, ex);
            } catch (io.djorm.core.DjormException ex) {
                String name = DjangoErrors.name(ex);
                if (expected.has("error") && expected.get("error").asText().equals(name)) return;
                throw new AssertionError(c.id() + ": djorm raised " + name + " (" + ex.getMessage() + "), Django answered "
                        + expected, ex);
            } catch (RuntimeException ex) {
                throw new AssertionError(c.id() + ": djorm failed with " + ex + ", Django answered " + expected, ex);
            }
            queries = capture.count();
        }
        if (expected.has("error")) {
            fail(c.id() + ": Django raised " + expected.get("error").asText() + ", djorm answered " + Normalized.of(answer));
        }
        JsonNode want = expected.has("djorm") ? expected.get("djorm") : expected.get("result");
        JsonNode got = Normalized.of(answer);
        boolean ordered = expected.get("ordered").asBoolean();
        if (!Normalized.same(want, got, ordered)) {
            fail(c.id() + ": Django " + want + (ordered ? " (ordered)" : " (any order)") + ", djorm " + got);
        }
        if (expected.has("queries")) {
            assertThat(queries).as(c.id() + ": number of queries").isEqualTo(expected.get("queries").asInt());
        }
    }

    /** The answer djorm must give: Django's, or where the case records a deliberate difference, djorm's own. */
    private static JsonNode djormsSide(JsonNode django) {
        if (!django.has("djorm_error")) return django;
        return JSON.createObjectNode().put("id", django.get("id").asText()).put("error", django.get("djorm_error").asText());
    }

    @AfterAll
    static void releaseBackend() {
        BackendFixture.tearDown();
    }
}
