package io.djorm.vector.crosscheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Runs probes on a Hrana server with plain {@code POST /v2/pipeline} requests, many statements per
 * request (each round trip costs about 10 ms on tursodb). Test-only: no batons, no retries.
 */
final class HranaPipeline {
    private static final MediaType JSON = MediaType.get("application/json");
    private static final int STATEMENTS_PER_REQUEST = 200;

    private final ObjectMapper mapper = new ObjectMapper();
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(60, TimeUnit.SECONDS).build();
    private final String pipelineUrl;

    HranaPipeline(String baseUrl) {
        this.pipelineUrl = baseUrl + "/v2/pipeline";
    }

    List<Outcome> run(List<SqlProbe> probes) throws IOException {
        List<Outcome> outcomes = new ArrayList<>(probes.size());
        for (int from = 0; from < probes.size(); from += STATEMENTS_PER_REQUEST) {
            outcomes.addAll(post(probes.subList(from, Math.min(probes.size(), from + STATEMENTS_PER_REQUEST))));
        }
        return outcomes;
    }

    private List<Outcome> post(List<SqlProbe> probes) throws IOException {
        ObjectNode body = mapper.createObjectNode();
        body.putNull("baton");
        ArrayNode requests = body.putArray("requests");
        for (SqlProbe probe : probes) {
            ObjectNode stmt = requests.addObject().put("type", "execute").putObject("stmt");
            stmt.put("sql", probe.sql()).put("want_rows", true);
            ArrayNode args = stmt.putArray("args");
            for (Object arg : probe.args()) args.add(encode(arg));
        }
        Request request = new Request.Builder().url(pipelineUrl)
                .post(RequestBody.create(mapper.writeValueAsBytes(body), JSON)).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) throw new IOException("HTTP " + response.code() + " from tursodb: " + text);
            JsonNode results = mapper.readTree(text).path("results");
            List<Outcome> outcomes = new ArrayList<>(probes.size());
            for (JsonNode result : results) outcomes.add(decodeResult(result));
            if (outcomes.size() != probes.size()) {
                throw new IOException("tursodb answered " + outcomes.size() + " results for " + probes.size() + " statements");
            }
            return outcomes;
        }
    }

    private ObjectNode encode(Object arg) {
        ObjectNode value = mapper.createObjectNode();
        if (arg == null) return value.put("type", "null");
        if (arg instanceof String s) return value.put("type", "text").put("value", s);
        if (arg instanceof byte[] b) return value.put("type", "blob").put("base64", Base64.getEncoder().encodeToString(b));
        if (arg instanceof Long l) return value.put("type", "integer").put("value", Long.toString(l));
        throw new IllegalArgumentException("unsupported argument " + arg);
    }

    private static Outcome decodeResult(JsonNode result) {
        if ("error".equals(result.path("type").asText())) return Outcome.error(result.path("error").path("message").asText());
        JsonNode cell = result.path("response").path("result").path("rows").path(0).path(0);
        switch (cell.path("type").asText()) {
            case "null": return Outcome.value(null);
            case "integer": return Outcome.value(Long.parseLong(cell.path("value").asText()));
            case "float": return Outcome.value(cell.path("value").asDouble());
            case "text": return Outcome.value(cell.path("value").asText());
            case "blob": return Outcome.value(Base64.getDecoder().decode(cell.path("base64").asText()));
            default: throw new IllegalStateException("unexpected Hrana value " + cell);
        }
    }
}
