package org.jobpricing.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.support.Api;
import org.jobpricing.server.support.Routes;
import org.jobpricing.server.support.Routes.Route;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Walks every route the server registers × every role and no token, and checks 401 / 403 / allowed
 * against the permission each method declares. A route that declares none fails this test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class RouteAccessMatrixTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP =
            // no plugins: a manual refresh of the full BLS data would outlast a request; access is what is tested
            TestApps.app(
                    TestDatabases.h2(),
                    "plugins.directory",
                    "no-such-plugins-directory",
                    "plugins.refreshOnStartup",
                    "false");

    static List<Route> routes() {
        return Routes.of(APP);
    }

    @Test
    void everyRouteDeclaresAPermissionOrIsPublic() {
        List<Route> routes = routes();

        assertThat(routes)
                .extracting(Route::toString)
                .contains(
                        "POST /api/v1/pricing/quotes",
                        "GET /api/v1/pricing/quotes",
                        "GET /api/v1/pricing/quotes/{id}",
                        "POST /api/v1/market-data/observations",
                        "GET /api/v1/audit",
                        "POST /api/v1/auth/login",
                        "DELETE /api/v1/users/{id}");
        assertThat(routes).allSatisfy(r -> {
            assertThat(r.permission() != null || r.isPublic())
                    .as(r + " declares @RolesAllowed or @Public")
                    .isTrue();
            if (r.permission() != null) {
                assertThat(Permissions.ALL)
                        .as(r + " names a known permission")
                        .contains(r.permission().equals(Permissions.SELF) ? Permissions.ALL.get(0) : r.permission());
            }
        });
        assertThat(routes)
                .filteredOn(Route::isPublic)
                .extracting(Route::path)
                .allSatisfy(p -> assertThat(
                                p.startsWith("/api/v1/auth/") || p.equals("/health") || p.equals("/openapi.json"))
                        .as(p)
                        .isTrue());
    }

    @Test
    void everyRoleGetsExactlyWhatItsPermissionsAllow() {
        Api anonymous = new Api(APP.getLocalPort());
        List<String> failures = new ArrayList<>();
        for (Route route : routes()) {
            Api.Reply reply = call(anonymous, route);
            if (!route.isPublic()
                    && (reply.status() != 401
                            || !reply.headers()
                                    .firstValue("WWW-Authenticate")
                                    .orElse("")
                                    .startsWith("Bearer"))) {
                failures.add(route + " without a token: " + reply.status());
            }
            if (route.isPublic()
                    && reply.status() == 401
                    && !route.path().endsWith("/login")
                    && !route.path().endsWith("/refresh")) {
                failures.add(route + " is public but answered 401");
            }
            if (route.isPublic()) {
                continue;
            }
            for (Role role : Role.values()) {
                int status = call(TestUsers.as(APP, role), route).status();
                boolean allowed = route.permission().equals(Permissions.SELF) || role.grants(route.permission());
                if (allowed && (status == 401 || status == 403)) {
                    failures.add(route + " as " + role + " should be allowed, got " + status);
                }
                if (!allowed && status != 403) {
                    failures.add(route + " as " + role + " should be 403, got " + status);
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    private static Api.Reply call(Api api, Route route) {
        String path = route.path().replaceAll("\\{[^}]+}", "no-such-id");
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP.getLocalPort() + path));
        String body =
                route.consumes().startsWith("text/") ? "x" : route.consumes().contains("form") ? "" : "{}";
        switch (route.httpMethod()) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            default ->
                request.method(route.httpMethod(), HttpRequest.BodyPublishers.ofString(body))
                        .header("Content-Type", route.consumes());
        }
        return api.send(request);
    }
}
