package io.djorm.libsql.replica;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Seeds and changes data on the test primary with plain {@code /v2/pipeline} requests. */
final class PrimarySql {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final String url;
    private final OkHttpClient http = new OkHttpClient();

    PrimarySql(String url) {
        this.url = url;
    }

    /** Runs statements (no arguments) in one pipeline; fails on any error. */
    void run(String... statements) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("baton");
        ArrayNode requests = body.putArray("requests");
        for (String sql : statements) {
            ObjectNode request = requests.addObject();
            request.put("type", "execute");
            request.putObject("stmt").put("sql", sql);
        }
        JsonNode response = post(body);
        for (JsonNode result : response.get("results")) {
            if (!"ok".equals(result.get("type").asText())) {
                throw new IllegalStateException("primary refused a statement: " + result);
            }
        }
    }

    /** The rows of one query, each value as text. */
    List<List<String>> query(String sql) {
        ObjectNode body = JSON.createObjectNode();
        body.putNull("baton");
        ObjectNode request = body.putArray("requests").addObject();
        request.put("type", "execute");
        request.putObject("stmt").put("sql", sql);
        JsonNode result = post(body).get("results").get(0);
        if (!"ok".equals(result.get("type").asText())) throw new IllegalStateException("query failed: " + result);
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : result.get("response").get("result").get("rows")) {
            List<String> values = new ArrayList<>();
            row.forEach(v -> values.add(v.has("value") ? v.get("value").asText() : null));
            rows.add(values);
        }
        return rows;
    }

    private JsonNode post(ObjectNode body) {
        Request request = new Request.Builder().url(url + "/v2/pipeline")
                .post(RequestBody.create(body.toString(), MediaType.get("application/json"))).build();
        try (Response response = http.newCall(request).execute()) {
            String text = response.body().string();
            if (!response.isSuccessful()) throw new IllegalStateException("HTTP " + response.code() + ": " + text);
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
