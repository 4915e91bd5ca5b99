package io.ion.local.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The demo's crisis has a stated cause, and its complaints share the cause's words; ordinary comments do not. */
class CrisisDefectTest {

    static final Instant BASE = Instant.parse("2026-11-25T18:00:00Z");

    @Test
    void theCrisisComplaintsNameTheDefectAndTheOrdinaryCommentsNever() throws Exception {
        LaunchScenario scenario = new LaunchScenario(ScenarioConfig.defaults(BASE));
        ScenarioExpectations expected = scenario.expectations();
        ProductDefect defect = expected.crisisDefect();
        assertThat(defect.cause()).isNotBlank();
        assertThat(defect.words()).isNotEmpty();
        assertThat(defect.complaints()).allSatisfy(c -> assertThat(defect.words()).anyMatch(c.toLowerCase(Locale.ROOT)::contains));

        ObjectMapper json = new ObjectMapper();
        int inCrisis = 0;
        int naming = 0;
        for (SimEvent event : scenario.events()) {
            if (!event.topic().equals(SimTopics.COMMENTS) || event.label() == null || event.label().startsWith(SimEvent.MALFORMED_PREFIX)) {
                continue;
            }
            JsonNode comment = json.readTree(event.value());
            Instant at = Instant.parse(comment.path("created_at").asText());
            String text = comment.path("text").asText().toLowerCase(Locale.ROOT);
            boolean namesDefect = defect.words().stream().anyMatch(text::contains);
            boolean duringCrisis = !at.isBefore(expected.crisisStartsAt()) && at.isBefore(expected.crisisEndsAt());
            if (duringCrisis) {
                inCrisis++;
                naming += namesDefect ? 1 : 0;
            } else {
                assertThat(namesDefect).as("ordinary comment %s", text).isFalse();
            }
        }
        // The surge is several times the ordinary rate and 83 % complaints, 60 % of which name the defect.
        assertThat(inCrisis).isPositive();
        assertThat((double) naming / inCrisis).isGreaterThan(0.3);
        assertThat(expected.crisisCampaignId()).isEqualTo(CampaignPlaybook.LYFTUP);
        assertThat(List.of("strap broke", "peeling", "refund")).isEqualTo(defect.words());
    }
}
