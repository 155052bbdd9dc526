package org.jobpricing.bench.floor;

import io.dropwizard.core.Application;
import io.dropwizard.core.Configuration;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/**
 * The framework's floor for bench/run.sh: Dropwizard with one JSON GET resource and nothing of the engine
 * (no filters, no authentication, no database, no request log: floor.yml turns it off).
 */
public final class FloorApp extends Application<Configuration> {

    public static void main(String[] args) throws Exception {
        new FloorApp().run(args);
    }

    @Override
    public void initialize(Bootstrap<Configuration> bootstrap) {
        // floor.yml reads its ports from the environment, as the engine's config.yml does
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(true)));
    }

    @Override
    public void run(Configuration configuration, Environment environment) {
        environment.jersey().register(new Ping());
    }

    /** The one resource: a small JSON object, as {@code /api/v1/auth/me} answers. */
    @Path("/ping")
    @Produces(MediaType.APPLICATION_JSON)
    public static final class Ping {
        @GET
        public Map<String, Object> ping() {
            return Map.of("username", "floor", "roles", new String[] {"VIEWER"});
        }
    }
}
