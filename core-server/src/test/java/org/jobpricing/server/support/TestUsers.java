package org.jobpricing.server.support;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Role;

/** Signed-in clients of each role for a test server; users are created through the admin API once. */
public final class TestUsers {

    public static final String PASSWORD = "Quiet-harbour-lantern-42";
    private static final Map<String, Api> CLIENTS = new ConcurrentHashMap<>();

    private TestUsers() {}

    /** One server instance (ports can be reused by a later server, so they alone are no key). */
    private static String key(DropwizardAppExtension<JobPricingConfiguration> app, String who) {
        return System.identityHashCode(app) + ":" + app.getLocalPort() + "/" + who;
    }

    public static Api admin(DropwizardAppExtension<JobPricingConfiguration> app) {
        return CLIENTS.computeIfAbsent(
                key(app, "admin"), k -> new Api(app.getLocalPort()).login("admin", TestApps.ADMIN_PASSWORD));
    }

    /** A client signed in as a user of {@code role}. */
    public static Api as(DropwizardAppExtension<JobPricingConfiguration> app, Role role) {
        if (role == Role.ADMIN) {
            return admin(app);
        }
        Api admin = admin(app);
        return CLIENTS.computeIfAbsent(key(app, role.name()), k -> {
            String username = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-user";
            Api.Reply created =
                    admin.postJson("/api/v1/users", """
                    {"username": "%s", "email": "%s@example.test", "password": "%s", "role": "%s"}""".formatted(username, username, PASSWORD, role.name()));
            if (created.status() != 201 && created.status() != 409) {
                throw new IllegalStateException("could not create " + username + ": " + created.text());
            }
            return new Api(app.getLocalPort()).login(username, PASSWORD);
        });
    }
}
