package io.djorm.libsql.internal.hrana;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The two Hrana pieces of a remote create on their own, on a request and reply that {@code CreateCost
 * -Ddump=dir} recorded: writing the statements' {@code args} arrays ({@link HranaArgs}) and reading the
 * reply with its returned keys ({@link ReplyReader}), as client-thread CPU and bytes allocated per
 * operation (medians of the rounds), against Jackson's {@code readTree} of the same reply (what the raw
 * replay does). In this package because both are internal.
 *
 * <pre>java -cp (the classpath benchmarks/run.sh builds) io.djorm.libsql.internal.hrana.HranaPiecesCost dir name [rounds] [opsPerRound]</pre>
 */
public final class HranaPiecesCost {
    private static final com.sun.management.ThreadMXBean THREAD =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final ObjectMapper JSON = new ObjectMapper();

    private HranaPiecesCost() {
    }

    /** Times the pieces on {@code dir/name.request.json} and {@code dir/name.reply.json}. */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        String name = args[1];
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        byte[] request = Files.readAllBytes(dir.resolve(name + ".request.json"));
        byte[] reply = Files.readAllBytes(dir.resolve(name + ".reply.json"));
        List<List<Object>> argLists = argLists(JSON.readTree(request));
        int steps = JSON.readTree(reply).path("results").path(0).path("response").path("result").path("step_results").size();
        RequestBytes bytes = new RequestBytes();
        System.out.printf(Locale.ROOT, "%s: %d args arrays, %d steps in the reply%n", name, argLists.size(), steps);
        measure("args arrays written", rounds, perRound, () -> {
            bytes.clear();
            try (JsonGenerator g = FACTORY.createGenerator(bytes)) {
                HranaArgs writer = new HranaArgs(g, bytes);
                g.writeStartArray();
                for (List<Object> list : argLists) writer.write(list);
                g.writeEndArray();
            }
        });
        measure("reply read (ReplyReader)", rounds, perRound, () -> {
            try (JsonParser p = FACTORY.createParser(new java.io.ByteArrayInputStream(reply))) {
                ReplyReader.read(p, steps, true);
            }
        });
        measure("reply read (readTree, as the replay)", rounds, perRound, () -> JSON.readTree(reply));
    }

    /** Each statement's args as the canonical values djorm sent. */
    private static List<List<Object>> argLists(JsonNode request) {
        List<List<Object>> out = new ArrayList<>();
        for (JsonNode r : request.path("requests")) {
            for (JsonNode step : r.path("batch").path("steps")) {
                List<Object> values = new ArrayList<>();
                for (JsonNode v : step.path("stmt").path("args")) {
                    values.add(switch (v.path("type").asText()) {
                        case "integer" -> Long.parseLong(v.path("value").asText());
                        case "float" -> v.path("value").asDouble();
                        case "text" -> v.path("value").asText();
                        default -> null;
                    });
                }
                out.add(values);
            }
        }
        return out;
    }

    private interface Piece {
        void run() throws Exception;
    }

    private static void measure(String name, int rounds, int perRound, Piece piece) throws Exception {
        double[] cpu = new double[rounds];
        double[] kib = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long a = THREAD.getCurrentThreadAllocatedBytes();
            long t = THREAD.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) piece.run();
            cpu[r] = (THREAD.getCurrentThreadCpuTime() - t) / 1e3 / perRound;
            kib[r] = (THREAD.getCurrentThreadAllocatedBytes() - a) / 1024.0 / perRound;
        }
        Arrays.sort(cpu);
        Arrays.sort(kib);
        System.out.printf(Locale.ROOT, "| %s | %.1f (min %.1f) | %.1f |%n", name, cpu[rounds / 2], cpu[0], kib[rounds / 2]);
    }
}
