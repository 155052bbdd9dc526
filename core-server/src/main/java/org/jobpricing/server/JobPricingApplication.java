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
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.auth.AccountCache;
import org.jobpricing.server.auth.AuthService;
import org.jobpricing.server.auth.FirstAdmin;
import org.jobpricing.server.auth.JwtAuthenticator;
import org.jobpricing.server.auth.JwtService;
import org.jobpricing.server.auth.LogEmailSender;
import org.jobpricing.server.auth.LoginThrottle;
import org.jobpricing.server.auth.PasswordHasher;
import org.jobpricing.server.auth.PasswordPolicy;
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
import org.jobpricing.server.config.AuthSettings;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.db.AuditDao;
import org.jobpricing.server.db.EmailVerificationDao;
import org.jobpricing.server.db.EmployeeDao;
import org.jobpricing.server.db.H2Durability;
import org.jobpricing.server.db.LoginThrottleDao;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.db.RefreshTokenDao;
import org.jobpricing.server.db.SlowQueryLog;
import org.jobpricing.server.db.UserDao;
import org.jobpricing.server.db.UserLookup;
import org.jobpricing.server.employees.EmployeeKeys;
import org.jobpricing.server.employees.EmployeeService;
import org.jobpricing.server.employees.QuoteBands;
import org.jobpricing.server.errors.ApiExceptionMapper;
import org.jobpricing.server.errors.DomainExceptionMapper;
import org.jobpricing.server.errors.ErrorReporter;
import org.jobpricing.server.errors.JsonExceptionMapper;
import org.jobpricing.server.errors.SentryReporter;
import org.jobpricing.server.errors.UnexpectedExceptionMapper;
import org.jobpricing.server.errors.ValidationExceptionMapper;
import org.jobpricing.server.errors.WebApplicationExceptionMapper;
import org.jobpricing.server.failures.StartupRefused;
import org.jobpricing.server.health.PluginHealthChecks;
import org.jobpricing.server.health.PluginsHealthCheck;
import org.jobpricing.server.health.RuleSetHealthCheck;
import org.jobpricing.server.http.HttpSetup;
import org.jobpricing.server.http.JsonUnauthorizedHandler;
import org.jobpricing.server.http.PermissionAuthorizer;
import org.jobpricing.server.http.WebApp;
import org.jobpricing.server.metrics.BusinessMetrics;
import org.jobpricing.server.plugins.PluginAdmin;
import org.jobpricing.server.reports.PayGapReports;
import org.jobpricing.server.resources.AiResource;
import org.jobpricing.server.resources.AuditResource;
import org.jobpricing.server.resources.AuthResource;
import org.jobpricing.server.resources.BatchPricingResource;
import org.jobpricing.server.resources.EmployeeResource;
import org.jobpricing.server.resources.LivenessResource;
import org.jobpricing.server.resources.MarketDataJobResource;
import org.jobpricing.server.resources.MarketDataResource;
import org.jobpricing.server.resources.OpenApiResource;
import org.jobpricing.server.resources.PayGapReportResource;
import org.jobpricing.server.resources.PluginResource;
import org.jobpricing.server.resources.PricingResource;
import org.jobpricing.server.resources.RuleSetResource;
import org.jobpricing.server.resources.UserResource;
import org.jobpricing.server.rules.RuleSetCompiler;
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
        RuleSetCompiler compiler = JobPricingContext.compilingAhead(config);
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
        SlowQueryLog.install(jdbi, config.getSlowQueryThreshold(), registry);
        Migrator.migrate(jdbi);

        // accounts and access
        AuditLog audit = new AuditLog(jdbi.onDemand(AuditDao.class), clock);
        AuthSettings authConfig = config.getAuth();
        PasswordHasher hasher = new PasswordHasher(authConfig.getBcryptCost());
        PasswordPolicy policy = new PasswordPolicy();
        JwtService jwt = new JwtService(
                signingKeys(config),
                authConfig.getIssuer(),
                authConfig.getAudience(),
                authConfig.getAccessTokenTtl(),
                clock);
        UserDao userDao = jdbi.onDemand(UserDao.class);
        UserLookup lookup = new UserLookup(jdbi);
        FirstAdmin.ensure(
                userDao, hasher, policy, audit, clock, authConfig.getAdminEmail(), authConfig.getAdminPassword());
        // signed-in callers' accounts are remembered; a change on any server is in force everywhere within 250 ms
        AccountCache accounts = new AccountCache(lookup, userDao::accountVersion, Duration.ofMillis(250));
        env.lifecycle().manage(accounts);
        env.jersey()
                .register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<UserPrincipal>()
                        .setAuthenticator(new JwtAuthenticator(jwt, accounts, clock))
                        .setAuthorizer(new PermissionAuthorizer())
                        .setPrefix("Bearer")
                        .setRealm("job-pricing")
                        .setUnauthorizedHandler(new JsonUnauthorizedHandler())
                        .buildAuthFilter()));
        env.jersey().register(RolesAllowedDynamicFeature.class);
        env.jersey().register(new AuthValueFactoryProvider.Binder<>(UserPrincipal.class));
        LoginThrottle throttle = new LoginThrottle(
                jdbi.onDemand(LoginThrottleDao.class),
                clock,
                authConfig.getMaxFailedLogins(),
                authConfig.getFailedLoginWindow(),
                authConfig.getLockout());
        AuthService authService = new AuthService(
                userDao,
                lookup,
                jdbi.onDemand(RefreshTokenDao.class),
                jwt,
                hasher,
                policy,
                throttle,
                audit,
                authConfig.getRefreshTokenTtl(),
                clock,
                accounts);
        UserService users = new UserService(
                userDao,
                lookup,
                jdbi.onDemand(EmailVerificationDao.class),
                hasher,
                policy,
                emailSender,
                audit,
                authConfig.getEmailVerificationTtl(),
                clock,
                accounts);
        env.jersey()
                .register(new AuthResource(
                        authService, users, authConfig.isRegistrationEnabled(), authConfig.getRefreshTokenTtl()));
        env.jersey().register(new UserResource(users));
        env.jersey().register(new AuditResource(audit));

        // rules, market data, plugins, enrichment and pricing: the object graph every command shares
        JobPricingContext context = new JobPricingContext(
                config, jdbi, env.getObjectMapper(), env.getValidator(), metrics, audit, clock, compiler);
        context.managed().forEach(env.lifecycle()::manage);
        context.refreshing().forEach(env.lifecycle()::manage);
        env.healthChecks().register("rules", new RuleSetHealthCheck(context.engine()));
        env.healthChecks().register("plugins", new PluginsHealthCheck(context.plugins()));
        env.lifecycle().manage(new PluginHealthChecks(env.healthChecks(), context.plugins(), context.catalog()));

        // market data and plugins
        env.jersey().register(new MarketDataResource(context.marketData(), context.fxRates(), context.jobs()));
        env.jersey().register(new MarketDataJobResource(context.jobs()));
        env.jersey()
                .register(new PluginResource(
                        context.catalog(),
                        new PluginAdmin(
                                context.plugins(), context.catalog(), context.switches(), context.jobs(), audit)));
        env.jersey().register(new AiResource(context.enrichment(), context.jobWriting()));

        // pricing and the rule lifecycle
        env.jersey().register(new PricingResource(context.pricing(), context.quoteHistory()));
        env.jersey().register(new BatchPricingResource(context.batch(), context.engine(), env.getObjectMapper()));
        env.jersey().register(new RuleSetResource(context.ruleSets(), context.whatIf()));

        // salary structures and job posting ranges (issue 16)
        var structures = new org.jobpricing.server.structures.StructureService(
                jdbi.onDemand(org.jobpricing.server.db.StructureDao.class),
                context.pricing(),
                context.engine(),
                audit,
                env.getObjectMapper(),
                clock);
        env.jersey().register(new org.jobpricing.server.resources.StructureResource(structures));
        env.jersey()
                .register(new org.jobpricing.server.resources.AreaResource(new org.jobpricing.server.core.AreaSearch(
                        () -> context.engine().active().areas())));
        env.jersey()
                .register(new org.jobpricing.server.resources.PostingResource(
                        new org.jobpricing.server.postings.PostingService(
                                jdbi.onDemand(org.jobpricing.server.db.PostingRangeDao.class),
                                context.pricing(),
                                structures,
                                context.engine(),
                                audit,
                                env.getObjectMapper(),
                                clock),
                        new org.jobpricing.server.postings.PostingChecker(context.engine())));

        // employee pay against the market and the EU pay-gap report (employees:read / employees:write)
        EmployeeDao rosters = jdbi.onDemand(EmployeeDao.class);
        EmployeeService employeeService = new EmployeeService(
                rosters,
                new EmployeeKeys(config.getEmployees().getIdKey()),
                new QuoteBands(jdbi.onDemand(QuoteDao.class), context.pricing(), env.getObjectMapper()),
                context.engine(),
                audit,
                clock);
        env.jersey().register(new EmployeeResource(employeeService));
        env.jersey().register(new PayGapReportResource(new PayGapReports(rosters, employeeService, audit, clock)));
    }

    /** The development e-mail sender (log + in-memory outbox). */
    public LogEmailSender emailSender() {
        return emailSender;
    }

    /** The signing key first, then retired keys kept for verification. */
    static Map<String, byte[]> signingKeys(JobPricingConfiguration config) {
        AuthSettings auth = config.getAuth();
        Map<String, byte[]> keys = new LinkedHashMap<>();
        String secret = auth.getJwtSecret();
        if (secret == null || secret.isBlank()) {
            if (config.getEnvironment() != Mode.DEVELOPMENT) {
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
        env.jersey().register(new DomainExceptionMapper());
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
}
