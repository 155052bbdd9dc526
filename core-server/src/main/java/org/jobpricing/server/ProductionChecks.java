package org.jobpricing.server;

import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.failures.StartupRefused;

/** A production setup refuses to start with development defaults, naming each wrong setting. */
final class ProductionChecks {

    private ProductionChecks() {}

    static List<String> problems(JobPricingConfiguration config) {
        List<String> problems = new ArrayList<>();
        if (config.getEnvironment() != Mode.PRODUCTION) {
            return problems;
        }
        String url = config.getDatabase().getUrl();
        if (url == null || url.startsWith("jdbc:h2:")) {
            problems.add("database.url (DB_URL) is the embedded H2 database; use PostgreSQL");
        }
        String secret = config.getAuth().getJwtSecret();
        if (secret == null || secret.isBlank()) {
            problems.add("auth.jwtSecret (JWT_SECRET) is not set");
        }
        if (config.getHttp().getCorsOrigins().contains("*")) {
            problems.add("http.corsOrigins (CORS_ORIGINS) allows every origin (*)");
        }
        if (config.getAuth().isRegistrationEnabled()) {
            problems.add("auth.registrationEnabled (REGISTRATION_ENABLED) lets anyone create an account");
        }
        if (config.getAuth().getBcryptCost() < 12) {
            problems.add("auth.bcryptCost (BCRYPT_COST) is below 12");
        }
        return problems;
    }

    static void verify(JobPricingConfiguration config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            throw new StartupRefused("refusing to start in production with development settings:\n  - "
                    + String.join("\n  - ", problems));
        }
    }
}
