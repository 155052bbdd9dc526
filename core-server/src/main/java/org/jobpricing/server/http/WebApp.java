package org.jobpricing.server.http;

import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.core.setup.Environment;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.EnumSet;

/**
 * The analysts' web app: static files under {@code /app/} from this jar, {@code /} sending the browser
 * there, and the page security headers. Jersey keeps the root path, so every API path stays as it is;
 * the app only ever calls the public REST API.
 */
public final class WebApp {

    /** Where the app is served. */
    public static final String PATH = "/app";

    private WebApp() {}

    /** The static files of the app (src/main/resources/assets/app). */
    public static AssetsBundle assets() {
        return new AssetsBundle("/assets/app", PATH, "index.html", "app");
    }

    /** {@code /} redirects to the app; pages and their files get a strict Content-Security-Policy. */
    public static void install(Environment env) {
        // the empty mapping is the exact context root: it wins over Jersey's /* for "/" alone
        env.servlets().addServlet("app-root", new RootRedirect()).addMapping("");
        env.servlets()
                .addFilter("app-headers", new PageSecurityFilter())
                .addMappingForUrlPatterns(EnumSet.of(DispatcherType.REQUEST), true, PATH, PATH + "/*");
    }

    /** Sends {@code GET /} to the app. */
    static final class RootRedirect extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            response.setStatus(HttpServletResponse.SC_FOUND);
            response.setHeader("Location", PATH + "/");
        }
    }
}
