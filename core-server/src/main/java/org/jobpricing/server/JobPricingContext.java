package org.jobpricing.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.lifecycle.Managed;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.config.Mode;
import org.jobpricing.server.config.PluginSettings;
import org.jobpricing.server.core.BatchPricer;
import org.jobpricing.server.core.Enrichment;
import org.jobpricing.server.core.FxRateService;
import org.jobpricing.server.core.JobWriting;
import org.jobpricing.server.core.MarketDataCache;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.core.PricingPipeline;
import org.jobpricing.server.core.PricingService;
import org.jobpricing.server.core.QuoteHistory;
import org.jobpricing.server.core.QuoteStore;
import org.jobpricing.server.core.QuoteWriter;
import org.jobpricing.server.core.Staleness;
import org.jobpricing.server.db.DataVersionDao;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.db.MarketJobDao;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.db.QuoteDao;
import org.jobpricing.server.db.RuleSetDao;
import org.jobpricing.server.metrics.BusinessMetrics;
import org.jobpricing.server.plugins.MarketDataJobs;
import org.jobpricing.server.plugins.PluginCatalog;
import org.jobpricing.server.plugins.PluginHost;
import org.jobpricing.server.plugins.PluginSwitches;
import org.jobpricing.server.plugins.RefreshScheduler;
import org.jobpricing.server.rules.CompiledRuleCache;
import org.jobpricing.server.rules.RuleCompilationException;
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

/**
 * The engine's object graph, built once from the configuration and a database: rules, market data, plugins,
 * enrichment and pricing. The server and every command that prices use it, so they price alike. What must be
 * started and stopped is in {@link #managed()}, in start order.
 */
public final class JobPricingContext {

    private static final Logger LOG = LoggerFactory.getLogger(JobPricingContext.class);

    private final List<Managed> managed = new ArrayList<>();
    private final ObjectMapper json;
    private final Clock clock;
    private final AuditLog audit;
    private final RuleSetService ruleSets;
    private final RuleEngine engine;
    private final MarketDataCache marketData;
    private final MarketDataService marketDataService;
    private final FxRateService fxRates;
    private final PluginSwitches switches;
    private final PluginHost plugins;
    private final MarketDataJobs jobs;
    private final RefreshScheduler scheduler;
    private final PluginCatalog catalog;
    private final Enrichment enrichment;
    private final JobWriting jobWriting;
    private final PricingPipeline pipeline;
    private final PricingService pricing;
    private final BatchPricer batch;
    private final QuoteHistory quoteHistory;
    private final WhatIfSimulator whatIf;

    public JobPricingContext(
            JobPricingConfiguration config,
            Jdbi jdbi,
            ObjectMapper json,
            Validator validator,
            BusinessMetrics metrics,
            AuditLog audit,
            Clock clock,
            RuleSetCompiler compiler)
            throws RuleCompilationException {
        this.clock = clock;
        this.audit = audit;
        this.json = json;

        // rules: versions in the database, seeded from (in development: following) the rules directory
        Path rulesDirectory = Path.of(config.getRules().getDirectory());
        boolean development = config.getEnvironment() == Mode.DEVELOPMENT;
        ruleSets = new RuleSetService(
                jdbi.onDemand(RuleSetDao.class), compiler, new ScenarioRunner(validator), audit, clock);
        engine = ruleSets.start(startupRules(rulesDirectory), development);
        ObservationDao observations = jdbi.onDemand(ObservationDao.class);
        FxRateDao rates = jdbi.onDemand(FxRateDao.class);
        marketData = new MarketDataCache(observations, rates, jdbi.onDemand(DataVersionDao.class));
        managed.add(new RuleSetFollower(ruleSets, marketData, config.getRules().getPollInterval()));
        if (development && config.getRules().isWatch() && Files.isDirectory(rulesDirectory)) {
            managed.add(new RulesDirectoryWatcher(ruleSets, rulesDirectory));
        }

        // market data and plugins
        marketDataService = new MarketDataService(observations, marketData, clock, audit);
        fxRates = new FxRateService(rates, marketData, clock, audit);
        PluginSettings settings = config.getPlugins();
        MarketJobDao marketJobs = jdbi.onDemand(MarketJobDao.class);
        switches = new PluginSwitches(marketJobs, clock);
        plugins = new PluginHost(Path.of(settings.getDirectory()), switches::disabled);
        jobs = new MarketDataJobs(
                plugins,
                marketJobs,
                marketData::invalidate,
                settings.getConfig(),
                settings.getFetchTimeout(),
                settings.isRefreshOnStartup(),
                settings.pluginHttp(),
                metrics,
                json,
                clock,
                audit);
        scheduler = new RefreshScheduler(
                plugins, jobs, switches, settings.getSchedules(), settings.getSchedulerTick(), clock);
        catalog = new PluginCatalog(plugins, jobs, scheduler, switches, settings.getConfig());
        managed.add(plugins);

        // AI enrichment (plugins)
        enrichment = new Enrichment(
                plugins::enrichers,
                plugins::rankers,
                settings.getConfig(),
                clock,
                config.getAi().getMinConfidence(),
                config.getAi().getRankTimeout());
        jobWriting = new JobWriting(plugins::writers, settings.getConfig(), clock);

        // pricing: one pipeline for quotes, batches, what-ifs and the price command
        Staleness staleness = new Staleness(marketData, settings.getStaleAfter(), clock);
        pipeline = new PricingPipeline(enrichment, marketData, staleness, clock);
        QuoteDao quotes = jdbi.onDemand(QuoteDao.class);
        QuoteStore store = new QuoteStore(quotes, json);
        QuoteWriter writer = new QuoteWriter(store, Duration.ofSeconds(10));
        managed.add(writer);
        pricing = new PricingService(pipeline, engine, quotes, writer, store, json, metrics);
        batch = new BatchPricer(pipeline, store, json, validator, metrics);
        quoteHistory = new QuoteHistory(quotes, json);
        whatIf = new WhatIfSimulator(quotes, pipeline, json, clock);
    }

    /** The market-data jobs and the refresh scheduler: the server runs them, a command does not. */
    public List<Managed> refreshing() {
        return List.of(jobs, scheduler);
    }

    /** The rules follower (and watcher), the plugin host and the quote writer, in start order. */
    public List<Managed> managed() {
        return List.copyOf(managed);
    }

    public ObjectMapper json() {
        return json;
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
    }

    public RuleSetService ruleSets() {
        return ruleSets;
    }

    public RuleEngine engine() {
        return engine;
    }

    public MarketDataService marketData() {
        return marketDataService;
    }

    public FxRateService fxRates() {
        return fxRates;
    }

    public PluginSwitches switches() {
        return switches;
    }

    public PluginHost plugins() {
        return plugins;
    }

    public MarketDataJobs jobs() {
        return jobs;
    }

    public PluginCatalog catalog() {
        return catalog;
    }

    public Enrichment enrichment() {
        return enrichment;
    }

    public JobWriting jobWriting() {
        return jobWriting;
    }

    public PricingPipeline pipeline() {
        return pipeline;
    }

    public PricingService pricing() {
        return pricing;
    }

    public BatchPricer batch() {
        return batch;
    }

    public QuoteHistory quoteHistory() {
        return quoteHistory;
    }

    public WhatIfSimulator whatIf() {
        return whatIf;
    }

    /**
     * A compiler already building the rules a start is likely to serve (the directory's), before the
     * database is even open: the build overlaps migrations and the rest of the start. It keeps what it
     * compiles in the configured cache, and a later start loads the same files from there.
     */
    public static RuleSetCompiler compilingAhead(JobPricingConfiguration config) {
        RuleSetCompiler compiler =
                new RuleSetCompiler(CompiledRuleCache.in(config.getRules().getCacheDirectory()));
        compiler.compileAhead(startupRules(Path.of(config.getRules().getDirectory())));
        return compiler;
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
