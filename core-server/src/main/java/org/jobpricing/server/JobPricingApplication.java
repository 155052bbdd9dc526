package org.jobpricing.server;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dropwizard.assets.AssetsBundle;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.cli.CheckCommand;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.migrations.MigrationsBundle;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.auth.AuthService;
import org.jobpricing.server.auth.FirstAdmin;
import org.jobpricing.server.auth.JsonUnauthorizedHandler;
import org.jobpricing.server.auth.JwtAuthenticator;
import org.jobpricing.server.auth.JwtService;
import org.jobpricing.server.auth.LogEmailSender;
import org.jobpricing.server.auth.LoginThrottle;
import org.jobpricing.server.auth.PasswordHasher;
import org.jobpricing.server.auth.PasswordPolicy;
import org.jobpricing.server.auth.PermissionAuthorizer;
import org.jobpricing.server.auth.Tokens;
import org.jobpricing.server.auth.UserPrincipal;
import org.jobpricing.server.auth.UserService;
import org.jobpricing.server.cli.PriceCommand;
import org.jobpricing.server.cli.RefusingServerCommand;
import org.jobpricing.server.cli.TestRulesCommand;
import org.jobpricing.server.cli.ValidateRulesCommand;
import org.jobpricing.server.cli.backup.BackupCommand;
import org.jobpricing.server.cli.backup.RestoreCommand;
import org.jobpricing.server.cli.backup.VerifyBackupCommand;
import org.jobpricing.server.core.AuditLog;
import org.jobpricing.server.core.BatchPricer;
import org.jobpricing.server.core.Enrichment;
import org.jobpricing.server.core.FxRateService;
import org.jobpricing.server.core.JobWriting;
import org.jobpricing.server.core.MarketDataCache;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.core.QuoteHistory;
import org.jobpricing.server.core.QuoteWriter;
import org.jobpricing.server.core.Staleness;
import org.jobpricing.server.db.H2Durability;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.SlowQueryLog;
import org.jobpricing.server.db.UserLookup;
import org.jobpricing.server.errors.ApiExceptionMapper;
import org.jobpricing.server.errors.ErrorReporter;
import org.jobpricing.server.errors.JsonExceptionMapper;
import org.jobpricing.server.errors.SentryReporter;
import org.jobpricing.server.errors.StartupRefused;
import org.jobpricing.server.errors.UnexpectedExceptionMapper;
import org.jobpricing.server.errors.ValidationExceptionMapper;
import org.jobpricing.server.errors.WebApplicationExceptionMapper;
import org.jobpricing.server.health.PluginHealthChecks;
import org.jobpricing.server.health.PluginsHealthCheck;
import org.jobpricing.server.health.RuleSetHealthCheck;
import org.jobpricing.server.http.BusinessMetrics;
import org.jobpricing.server.http.HttpSetup;
import org.jobpricing.server.http.WebApp;
import org.jobpricing.server.plugins.MarketDataJobs;
import org.jobpricing.server.plugins.PluginAdmin;
import org.jobpricing.server.plugins.PluginCatalog;
import org.jobpricing.server.plugins.PluginHost;
import org.jobpricing.server.plugins.PluginSwitches;
import org.jobpricing.server.plugins.RefreshScheduler;
import org.jobpricing.server.resources.AiResource;
import org.jobpricing.server.resources.AuditResource;
import org.jobpricing.server.resources.AuthResource;
import org.jobpricing.server.resources.BatchPricingResource;
import org.jobpricing.server.resources.LivenessResource;
import org.jobpricing.server.resources.MarketDataJobResource;
import org.jobpricing.server.resources.MarketDataResource;
import org.jobpricing.server.resources.OpenApiResource;
import org.jobpricing.server.resources.PluginResource;
import org.jobpricing.server.resources.PricingResource;
import org.jobpricing.server.resources.RuleSetResource;
import org.jobpricing.server.resources.UserResource;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLoader;
import org.jobpricing.server.rules.RuleSource;
import org.jobpricing.server.rulesets.RuleSetFollower;
import org.jobpricing.server.rulesets.RuleSetService;
import org.jobpricing.server.rulesets.RulesDirectoryWatcher;
import org.jobpricing.server.rulesets.ScenarioRunner;
import org.jobpricing.server.rulesets.WhatIfSimulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The job pricing server: wires storage, rules, plugins and the REST API, top to bottom. */
public class JobPricingApplication extends Application<JobPricingConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(JobPricingApplication.class);

    private final LogEmailSender emailSender = new LogEmailSender();

    public static void main(String[] args) throws Exception {
        new JobPricingApplication().run(args);
    }

    @Override
    public String getName() {
        return "job-pricing";
    }

    @Override
    protected void addDefaultCommands(Bootstrap<JobPricingConfiguration> bootstrap) {
        bootstrap.addCommand(new RefusingServerCommand(this));
        bootstrap.addCommand(new CheckCommand<>(this));
    }

    @Override
    public void initialize(Bootstrap<JobPricingConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), ConfigSubstitutor.environment()));
        bootstrap.addBundle(
                new AssetsBundle("/META-INF/resources/webjars/swagger-ui/5.34.1", "/swagger-ui", null, "swagger-ui"));
        bootstrap.addBundle(new AssetsBundle("/assets/docs", "/docs", "index.html", "docs"));
        bootstrap.addBundle(WebApp.assets());
        bootstrap.addCommand(new ValidateRulesCommand());
        bootstrap.addCommand(new TestRulesCommand());
        bootstrap.addCommand(new PriceCommand());
        bootstrap.addCommand(new org.jobpricing.server.cli.AreaIndexCommand());
        bootstrap.addCommand(new BackupCommand());
        bootstrap.addCommand(new RestoreCommand());
        bootstrap.addCommand(new VerifyBackupCommand());
        bootstrap.addBundle(new MigrationsBundle<>() {
            @Override
            public DataSourceFactory getDataSourceFactory(JobPricingConfiguration configuration) {
                return H2Durability.apply(configuration.getDatabase());
            }

            @Override
            public String getMigrationsFileName() {
                return Migrator.CHANGELOG;
            }
        });
    }

    @Override
    public void run(JobPricingConfiguration config, Environment env) throws Exception {
        ProductionChecks.verify(config);
        Clock clock = Clock.systemUTC();
        env.getObjectMapper()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        registerErrorMappers(config, env);
        PrometheusRegistry registry = HttpSetup.install(config.getHttp(), env);
        WebApp.install(env);
        BusinessMetrics metrics = new BusinessMetrics(registry);
        env.jersey().register(new LivenessResource());
        env.jersey()
                .register(new OpenApiResource(
                        getClass().getPackage().getImplementationVersion() == null
                                ? "development"
                                : getClass().getPackage().getImplementationVersion()));

        // storage
        Jdbi jdbi = new JdbiFactory().build(env, H2Durability.apply(config.getDatabase()), "database");
        SlowQueryLog.install(
                jdbi, Duration.ofMillis(config.getSlowQueryThreshold().toMilliseconds()), registry);
        Migrator.migrate(jdbi);

        // accounts and access
        AuditLog audit = new AuditLog(jdbi, clock);
        JobPricingConfiguration.AuthSettings authConfig = config.getAuth();
        PasswordHasher hasher = new PasswordHasher(authConfig.getBcryptCost());
        PasswordPolicy policy = new PasswordPolicy();
        JwtService jwt = new JwtService(
                signingKeys(config),
                authConfig.getIssuer(),
                authConfig.getAudience(),
                Duration.ofMillis(authConfig.getAccessTokenTtl().toMilliseconds()),
                clock);
        FirstAdmin.ensure(
                jdbi, hasher, policy, audit, clock, authConfig.getAdminEmail(), authConfig.getAdminPassword());
        env.jersey()
                .register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<UserPrincipal>()
                        .setAuthenticator(new JwtAuthenticator(jwt, new UserLookup(jdbi), clock))
                        .setAuthorizer(new PermissionAuthorizer())
                        .setPrefix("Bearer")
                        .setRealm("job-pricing")
                        .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                        .buildAuthFilter()));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(UserPrincipal.class));
        LoginThrottle throttle = new LoginThrottle(
                jdbi,
                clock,
                authConfig.getMaxFailedLogins(),
                Duration.ofMillis(authConfig.getFailedLoginWindow().toMilliseconds()),
                Duration.ofMillis(authConfig.getLockout().toMilliseconds()));
        AuthService authService = new AuthService(
                jdbi,
                jwt,
                hasher,
                policy,
                throttle,
                audit,
                Duration.ofMillis(authConfig.getRefreshTokenTtl().toMilliseconds()),
                clock);
        UserService users = new UserService(
                jdbi,
                hasher,
                policy,
                emailSender,
                audit,
                Duration.ofMillis(authConfig.getEmailVerificationTtl().toMilliseconds()),
                clock);
        env.jersey()
                .register(new AuthResource(
                        authService,
                        users,
                        authConfig.isRegistrationEnabled(),
                        Duration.ofMillis(authConfig.getRefreshTokenTtl().toMilliseconds())));
        env.jersey().register(new UserResource(users));
        env.jersey().register(new AuditResource(audit));

        // rules: versions in the database, seeded from (in development: following) the rules directory
        Path rulesDirectory = Path.of(config.getRules().getDirectory());
        boolean development = config.getEnvironment() == JobPricingConfiguration.Mode.DEVELOPMENT;
        RuleSetService ruleSets =
                new RuleSetService(jdbi, new RuleSetCompiler(), new ScenarioRunner(env.getValidator()), audit, clock);
        RuleEngine engine = ruleSets.start(startupRules(rulesDirectory), development);
        env.healthChecks().register("rules", new RuleSetHealthCheck(engine));
        MarketDataCache marketDataCache = new MarketDataCache(jdbi);
        env.lifecycle()
                .manage(new RuleSetFollower(
                        ruleSets,
                        marketDataCache,
                        Duration.ofMillis(config.getRules().getPollInterval().toMilliseconds())));
        if (development && config.getRules().isWatch() && Files.isDirectory(rulesDirectory)) {
            env.lifecycle().manage(new RulesDirectoryWatcher(ruleSets, rulesDirectory));
        }

        // market data and plugins
        MarketDataService marketData = new MarketDataService(jdbi, marketDataCache, clock);
        FxRateService fxRates = new FxRateService(jdbi, marketDataCache, clock);
        JobPricingConfiguration.PluginSettings pluginSettings = config.getPlugins();
        PluginSwitches switches = new PluginSwitches(jdbi, clock);
        PluginHost plugins = new PluginHost(Path.of(pluginSettings.getDirectory()), switches::disabled);
        MarketDataJobs jobs = new MarketDataJobs(
                plugins,
                jdbi,
                marketDataCache,
                pluginSettings.getConfig(),
                Duration.ofMillis(pluginSettings.getFetchTimeout().toMilliseconds()),
                pluginSettings.isRefreshOnStartup(),
                pluginSettings.pluginHttp(),
                metrics,
                env.getObjectMapper(),
                clock);
        RefreshScheduler scheduler = new RefreshScheduler(
                plugins,
                jobs,
                switches,
                pluginSettings.getSchedules(),
                Duration.ofMillis(pluginSettings.getSchedulerTick().toMilliseconds()),
                clock);
        PluginCatalog catalog = new PluginCatalog(plugins, jobs, scheduler, switches, pluginSettings.getConfig());
        env.lifecycle().manage(plugins);
        env.healthChecks().register("plugins", new PluginsHealthCheck(plugins));
        env.lifecycle().manage(jobs);
        env.lifecycle().manage(scheduler);
        env.lifecycle().manage(new PluginHealthChecks(env.healthChecks(), plugins, catalog));
        env.jersey().register(new MarketDataResource(marketData, fxRates, jobs, audit));
        env.jersey().register(new MarketDataJobResource(jobs, audit));
        env.jersey().register(new PluginResource(catalog, new PluginAdmin(plugins, catalog, switches, jobs, audit)));

        // AI enrichment (plugins)
        Enrichment enrichment = new Enrichment(
                plugins::enrichers,
                plugins::rankers,
                config.getPlugins().getConfig(),
                clock,
                config.getAi().getMinConfidence(),
                config.getAi().getRankTimeout());
        env.jersey()
                .register(new AiResource(
                        enrichment,
                        new JobWriting(plugins::writers, config.getPlugins().getConfig(), clock)));

        // pricing
        Staleness staleness = new Staleness(
                marketDataCache,
                Duration.ofMillis(pluginSettings.getStaleAfter().toMilliseconds()),
                clock);
        QuoteWriter quoteWriter = new QuoteWriter(jdbi, Duration.ofSeconds(10));
        env.lifecycle().manage(quoteWriter);
        PricingService pricing = new PricingService(
                jdbi,
                marketDataCache,
                engine,
                env.getObjectMapper(),
                metrics,
                enrichment,
                staleness,
                quoteWriter,
                clock);
        env.jersey().register(new PricingResource(pricing, new QuoteHistory(jdbi, env.getObjectMapper())));
        env.jersey()
                .register(new org.jobpricing.server.resources.AreaResource(new org.jobpricing.server.core.AreaSearch(
                        () -> engine.active().areas())));
        BatchPricer batchPricer = new BatchPricer(
                jdbi,
                marketDataCache,
                env.getObjectMapper(),
                env.getValidator(),
                enrichment,
                staleness,
                clock,
                metrics);
        env.jersey().register(new BatchPricingResource(batchPricer, engine));
        env.jersey()
                .register(new RuleSetResource(
                        ruleSets, new WhatIfSimulator(jdbi, marketDataCache, env.getObjectMapper(), clock)));
    }

    /** The development e-mail sender (log + in-memory outbox). */
    public LogEmailSender emailSender() {
        return emailSender;
    }

    /** The signing key first, then retired keys kept for verification. */
    static Map<String, byte[]> signingKeys(JobPricingConfiguration config) {
        JobPricingConfiguration.AuthSettings auth = config.getAuth();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String secret = auth.getJwtSecret();
        if (secret == null || secret.isBlank()) {
            if (config.getEnvironment() != JobPricingConfiguration.Mode.DEVELOPMENT) {
                throw new StartupRefused("JWT_SECRET (auth.jwtSecret) is required outside development: "
                        + "set it to at least 32 random bytes");
            }
            LOG.warn("development mode: no JWT_SECRET, using a random signing key; tokens end with this process");
            keys.put("dev-" + Tokens.random().substring(0, 8), Tokens.randomKey());
        } else {
            byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new StartupRefused("JWT_SECRET must be at least 32 bytes, it has " + bytes.length);
            }
            keys.put(auth.getJwtKeyId(), bytes);
        }
        auth.getPreviousKeys().forEach((kid, old) -> keys.putIfAbsent(kid, old.getBytes(StandardCharsets.UTF_8)));
        return keys;
    }

    private static void registerErrorMappers(JobPricingConfiguration config, Environment env) {
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        env.jersey().register(new ApiExceptionMapper());
        env.jersey().register(new JsonExceptionMapper());
        env.jersey().register(new ValidationExceptionMapper());
        env.jersey().register(new WebApplicationExceptionMapper());
        String sentryDsn = System.getenv("SENTRY_DSN");
        if (config.getSentryDsn() != null && !config.getSentryDsn().isBlank()) {
            sentryDsn = config.getSentryDsn();
        }
        ErrorReporter reporter = ErrorReporter.NONE;
        if (sentryDsn != null && !sentryDsn.isBlank()) {
            SentryReporter sentry =
                    new SentryReporter(sentryDsn, config.getEnvironment().name().toLowerCase(Locale.ROOT));
            env.lifecycle().manage(sentry);
            reporter = sentry;
        }
        env.jersey().register(new UnexpectedExceptionMapper(reporter));
    }

    /** The files of the rules directory, or the copy bundled in the rules jar when there is no directory. */
    static List<RuleSource> startupRules(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.info("rules directory {} not found; using the bundled rule files", directory.toAbsolutePath());
            return RuleSetLoader.bundled();
        }
        try {
            return RuleSetLoader.fromDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules directory " + directory, e);
        }
    }
}
