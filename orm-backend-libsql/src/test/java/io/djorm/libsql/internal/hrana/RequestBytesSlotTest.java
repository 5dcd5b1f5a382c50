package io.djorm.libsql.internal.hrana;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A connection's request bytes: reused by one request after another, never by two at once, bounded when kept. */
class RequestBytesSlotTest {
    @Test
    void theNextRequestGetsTheBytesTheLastOneGaveBackEmpty() {
        RequestBytesSlot slot = new RequestBytesSlot();
        RequestBytes first = slot.take();
        write(first, 20_000);
        slot.giveBack(first);
        RequestBytes second = slot.take();
        assertThat(second).isSameAs(first);
        assertThat(second.size()).isZero();
    }

    @Test
    void bytesLentToARequestAreNotLentToAnotherUntilGivenBack() {
        RequestBytesSlot slot = new RequestBytesSlot();
        RequestBytes first = slot.take();
        RequestBytes overlapping = slot.take();
        assertThat(overlapping).isNotSameAs(first);
        slot.giveBack(first);
        assertThat(slot.take()).isSameAs(first);
    }

    @Test
    void whatIsKeptAfterAHugeRequestIsBounded() {
        RequestBytesSlot slot = new RequestBytesSlot();
        RequestBytes bytes = slot.take();
        write(bytes, 4_000_000);
        slot.giveBack(bytes);
        assertThat(slot.take().chunksHeld()).isEqualTo(RequestBytes.KEPT_CHUNKS);
    }

    private static void write(RequestBytes bytes, int n) {
        try (SegmentWriter w = new SegmentWriter(bytes)) {
            w.write(new byte[n]);
        }
    }
}
