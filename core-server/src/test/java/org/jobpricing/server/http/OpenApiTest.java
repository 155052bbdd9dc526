package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.Routes;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The OpenAPI document lists exactly the registered routes, with security and the error shape. */
@ExtendWith(DropwizardExtensionsSupport.class)
class OpenApiTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            TestApps.appWithoutStartupRefresh(TestDatabases.h2());

    @Test
    void everyRouteIsDocumentedAndEveryDocumentedRouteExists() {
        Api.Reply reply = new Api(APP.getLocalPort()).get("/openapi.json");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode doc = reply.json();
        assertThat(doc.get("openapi").asText()).startsWith("3.");

        Set<String> documented = new TreeSet<>();
        doc.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(
                                method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));
        Set<String> registered = new TreeSet<>();
        Routes.of(APP).stream()
                .filter(r -> !r.path().equals("/openapi.json"))
                .forEach(r -> registered.add(r.httpMethod() + " " + r.path()));

        assertThat(documented).isEqualTo(registered);
        assertThat(registered).hasSizeGreaterThan(25);
    }

    @Test
    void securityAndErrorsAreDescribed() {
        JsonNode doc = new Api(APP.getLocalPort()).get("/openapi.json").json();

        assertThat(doc.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(doc.at("/security/0/bearer").isArray()).isTrue();
        assertThat(doc.at("/components/schemas/ErrorResponse/properties").has("error"))
                .isTrue();
        assertThat(doc.at(
                                "/paths/~1api~1v1~1pricing~1quotes/post/responses/default/content/application~1json/schema/$ref")
                        .asText())
                .isEqualTo("#/components/schemas/ErrorResponse");
        assertThat(doc.at("/paths/~1api~1v1~1auth~1refresh/post/security").isArray())
                .isTrue();
        assertThat(doc.at("/paths/~1api~1v1~1auth~1refresh/post/security")).isEmpty();
        assertThat(doc.at("/paths/~1api~1v1~1pricing~1quotes/post/requestBody/content/application~1json/schema/$ref")
                        .asText())
                .endsWith("PricingRequest");
        assertThat(doc.toString()).doesNotContain("UserPrincipal");
    }

    @Test
    void theSwaggerUiPageIsServed() {
        Api api = new Api(APP.getLocalPort());
        Api.Reply page = api.get("/docs/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("swagger-ui-bundle.js");
        assertThat(api.get("/swagger-ui/swagger-ui-bundle.js").status()).isEqualTo(200);
        assertThat(api.get("/docs/init.js").text()).contains("/openapi.json");
    }
}
