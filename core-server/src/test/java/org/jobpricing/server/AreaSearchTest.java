package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/areas?q=: an area by code, name or state, with its region and index from the area table. */
@ExtendWith(DropwizardExtensionsSupport.class)
class AreaSearchTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());

    static JsonNode find(String q) {
        Api.Reply reply = TestUsers.as(APP, Role.HR_MANAGER)
                .get("/api/v1/areas?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json();
    }

    static List<String> codes(JsonNode found) {
        List<String> codes = new ArrayList<>();
        found.forEach(a -> codes.add(a.get("code").asText()));
        return codes;
    }

    @Test
    void byCodeWithOrWithoutUs() {
        JsonNode sf = find("US-41860").get(0);
        assertThat(sf.get("code").asText()).isEqualTo("US-41860");
        assertThat(sf.get("title").asText()).isEqualTo("San Francisco-Oakland-Fremont, CA");
        assertThat(sf.get("kind").asText()).isEqualTo("metro");
        assertThat(sf.get("region").asText()).isEqualTo("US-CA");
        assertThat(sf.get("index").decimalValue()).isEqualByComparingTo("1.325");
        assertThat(codes(find("41860"))).first().isEqualTo("US-41860");
    }

    @Test
    void byName() {
        assertThat(codes(find("San Francisco"))).contains("US-41860");
        JsonNode austin = find("Austin, TX");
        assertThat(codes(austin)).containsExactly("US-12420");
        assertThat(austin.get(0).get("title").asText()).startsWith("Austin-Round Rock");
        assertThat(austin.get(0).get("index").decimalValue()).isEqualByComparingTo("0.967");
        assertThat(austin.get(0).get("region").asText()).isEqualTo("US-TX");
        assertThat(find("Austin, CA")).isEmpty();
    }

    @Test
    void byStateTheStateFirstThenItsAreas() {
        JsonNode ca = find("California");
        assertThat(ca.get(0).get("code").asText()).isEqualTo("US-CA");
        assertThat(ca.get(0).get("kind").asText()).isEqualTo("state");
        assertThat(ca.get(0).get("region").isNull()).isTrue();
        assertThat(ca.get(0).get("index").decimalValue()).isEqualByComparingTo("1.164");
        // the state and the 28 OEWS areas whose first state is CA (areas.csv)
        assertThat(codes(ca)).contains("US-41860", "US-0600003").hasSize(29);
        assertThat(codes(find("CA"))).isEqualTo(codes(ca));
        ca.forEach(a -> {
            if (!a.get("code").asText().equals("US-CA")) {
                assertThat(a.get("region").asText()).isEqualTo("US-CA");
            }
        });
    }

    @Test
    void aMissingOrOverlongQueryIsA400NamingQ() {
        Api api = TestUsers.as(APP, Role.HR_MANAGER);
        for (String path : List.of("/api/v1/areas", "/api/v1/areas?q=", "/api/v1/areas?q=" + "x".repeat(101))) {
            Api.Reply reply = api.get(path);
            assertThat(reply.status()).as(path).isEqualTo(400);
            assertThat(reply.text()).contains("\"q\"");
        }
        assertThat(find("Nowhere-at-all")).isEmpty();
    }
}
