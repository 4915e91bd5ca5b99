package io.ion.sink.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DeliveryDedupeTest {

    @Test
    void aPairIsClaimedOnceUntilAFailureReleasesIt() {
        DeliveryDedupe dedupe = new DeliveryDedupe(10);
        assertThat(dedupe.claim("e1 u")).isTrue();
        assertThat(dedupe.claim("e1 u")).as("in flight").isFalse();
        dedupe.forget("e1 u");
        assertThat(dedupe.claim("e1 u")).as("failed for good: may be tried again").isTrue();
        dedupe.delivered("e1 u");
        dedupe.forget("e1 u");
        assertThat(dedupe.claim("e1 u")).as("delivered pairs stay").isFalse();
    }

    @Test
    void theOldestPairsAreEvicted() {
        DeliveryDedupe dedupe = new DeliveryDedupe(3);
        for (int i = 0; i < 4; i++) {
            assertThat(dedupe.claim("e" + i)).isTrue();
            dedupe.delivered("e" + i);
        }
        assertThat(dedupe.claim("e3")).isFalse();
        assertThat(dedupe.claim("e0")).as("evicted, so claimable again").isTrue();
    }
}
