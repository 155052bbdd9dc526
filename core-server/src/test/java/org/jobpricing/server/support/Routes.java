package org.jobpricing.server.support;

import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Path;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.auth.Public;

/** Every HTTP route a running test server has registered, read from Jersey's resource model. */
public final class Routes {

    /** One HTTP route and the Java method behind it. */
    public record Route(String httpMethod, String path, String consumes, Method method) {
        public String permission() {
            RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
            return allowed == null ? null : allowed.value()[0];
        }

        public boolean isPublic() {
            return method.isAnnotationPresent(Public.class);
        }

        @Override
        public String toString() {
            return httpMethod + " " + path;
        }
    }

    private Routes() {}

    public static List<Route> of(DropwizardAppExtension<JobPricingConfiguration> app) {
        List<Route> routes = new ArrayList<>();
        // Dropwizard registers resource instances through binders and lists their classes
        for (Class<?> type : app.getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (type.isAnnotationPresent(Path.class)) {
                collect(Resource.from(type), "", routes);
            }
        }
        if (routes.isEmpty()) {
            throw new AssertionError("no resources found in the Jersey configuration");
        }
        return routes;
    }

    private static void collect(Resource resource, String prefix, List<Route> routes) {
        String path = (prefix + "/" + resource.getPath()).replaceAll("/+", "/");
        for (ResourceMethod m : resource.getResourceMethods()) {
            String consumes = m.getConsumedTypes().isEmpty()
                    ? "application/json"
                    : m.getConsumedTypes().get(0).toString();
            routes.add(new Route(
                    m.getHttpMethod(), path, consumes, m.getInvocable().getDefinitionMethod()));
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }
}
