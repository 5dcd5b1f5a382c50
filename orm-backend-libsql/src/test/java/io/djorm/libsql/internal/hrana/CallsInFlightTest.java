package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.SocketPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The deadlines of calls in flight, kept by one watcher thread that sleeps between them and ends when idle. */
class CallsInFlightTest {
    private final CallsInFlight calls = new CallsInFlight("test call deadlines");
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(0, TimeUnit.MILLISECONDS).build();
    private MockWebServer web;

    @BeforeEach
    void start() throws IOException {
        web = new MockWebServer();
        web.start();
    }

    @AfterEach
    void stop() throws IOException {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
        web.shutdown();
    }

    private Call newCall() {
        return http.newCall(new Request.Builder().url(web.url("/")).build());
    }

    /** Executes {@code call} under a deadline, as HranaClient does; true when it failed for the deadline. */
    private boolean executeExpecting(Call call, Duration timeout) {
        CallsInFlight.InFlight flight = calls.track(call, this, timeout.toNanos());
        try (flight; Response response = call.execute()) {
            response.body().string();
            return false;
        } catch (IOException e) {
            return flight.expired();
        }
    }

    @Test
    void aCallPastItsDeadlineIsCancelledAndTheWatcherThenEnds() throws Exception {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        long start = System.nanoTime();
        assertThat(executeExpecting(newCall(), Duration.ofMillis(300))).isTrue();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(2));
        awaitNoWatcher();
    }

    @Test
    void aSlowBodyCountsAgainstTheDeadline() throws Exception {
        web.enqueue(new MockResponse().setBody("x".repeat(100)).setBodyDelay(3, TimeUnit.SECONDS)); // the headers come at once
        assertThat(executeExpecting(newCall(), Duration.ofMillis(400))).isTrue();
    }

    @Test
    void aSoonerDeadlineWakesAWatcherSleepingOnALaterOne() throws Exception {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        Call patient = newCall();
        CompletableFuture<Boolean> slow = CompletableFuture.supplyAsync(() -> executeExpecting(patient, Duration.ofSeconds(60)));
        web.takeRequest(5, TimeUnit.SECONDS); // the watcher now sleeps until the patient call's deadline
        long start = System.nanoTime();
        assertThat(executeExpecting(newCall(), Duration.ofMillis(300))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        patient.cancel();
        assertThat(slow.get(5, TimeUnit.SECONDS)).isFalse(); // cancelled, not expired
        calls.wake(); // it would otherwise sleep until the patient call's deadline before ending
        awaitNoWatcher();
    }

    @Test
    void callsThatFinishInTimeDoNotWakeTheWatcher() throws Exception {
        for (int i = 0; i < 50; i++) web.enqueue(new MockResponse().setBody("ok"));
        assertThat(executeExpecting(newCall(), Duration.ofSeconds(60))).isFalse();
        Thread watcher = calls.watcher();
        long looks = calls.looks();
        for (int i = 0; i < 49; i++) assertThat(executeExpecting(newCall(), Duration.ofSeconds(60))).isFalse();
        // Each later call's deadline comes after the one the watcher sleeps on: it is left asleep.
        assertThat(calls.looks() - looks).isLessThanOrEqualTo(2);
        assertThat(calls.watcher()).isSameAs(watcher);
        calls.wake();
        awaitNoWatcher();
    }

    @Test
    void cancelAllCancelsOnlyTheSendersCallsForThatOwner() throws Exception {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        Call hanging = newCall();
        CompletableFuture<Thread> sender = new CompletableFuture<>();
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> {
            sender.complete(Thread.currentThread());
            return executeExpecting(hanging, Duration.ofSeconds(60));
        });
        web.takeRequest(5, TimeUnit.SECONDS);
        calls.cancelAll(new Object(), sender.get()); // another owner: untouched
        calls.cancelAll(this, Thread.currentThread()); // another sender: untouched
        assertThat(hanging.isCanceled()).isFalse();
        calls.cancelAll(this, sender.get());
        assertThat(waiting.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(hanging.isCanceled()).isTrue();
        calls.wake();
        awaitNoWatcher();
    }

    private void awaitNoWatcher() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (calls.watcher() != null && System.nanoTime() < deadline) Thread.sleep(10);
        assertThat(calls.watcher()).as("the watcher thread ended").isNull();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("test call deadlines"));
    }

    @Test
    void theClientReportsAnExpiredCallAsATimeout() {
        web.enqueue(new MockResponse().setSocketPolicy(SocketPolicy.NO_RESPONSE));
        HranaClient client = new HranaClient(new HranaEndpoint(web.url("/"), null, Duration.ofMillis(300),
                Duration.ofSeconds(2), java.util.List.of(), "default"));
        BatchBuilder batch = new BatchBuilder();
        batch.add(io.djorm.core.spi.Statement.of("SELECT 1"), null);
        assertThatThrownBy(() -> client.send(null, null, batch, true, new RequestBytesSlot())).isInstanceOf(TransportFailure.class)
                .satisfies(e -> assertThat(((TransportFailure) e).kind()).isEqualTo(TransportFailure.Kind.TIMEOUT))
                .hasMessageContaining("did not answer within 0.3 s (OPTIONS.TIMEOUT");
        client.close();
    }
}
