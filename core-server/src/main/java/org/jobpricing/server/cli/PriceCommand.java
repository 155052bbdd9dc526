package org.jobpricing.server.cli;

import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.db.ManagedDataSource;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.server.JobPricingConfiguration;
import org.jobpricing.server.JobPricingContext;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.core.BatchPricer;
import org.jobpricing.server.core.batch.BatchSummary;
import org.jobpricing.server.db.AuditDao;
import org.jobpricing.server.db.H2Durability;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.SlowQueryLog;
import org.jobpricing.server.metrics.BusinessMetrics;
import org.jobpricing.server.resources.batch.BatchReader;
import org.jobpricing.server.resources.batch.BatchWriter;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.rules.RuleSetCompiler;

/**
 * {@code price config.yml --input jobs.csv --output quotes.csv}: prices a CSV of jobs offline against
 * the configured database and the active rule set, with a progress line on stderr.
 */
public final class PriceCommand extends ConfiguredCommand<JobPricingConfiguration> {

    public PriceCommand() {
        super("price", "Prices a CSV file of jobs (title,occupation_code,level,country,area,currency,as_of,skills)");
    }

    @Override
    public void configure(Subparser subparser) {
        super.configure(subparser);
        subparser.addArgument("--input").required(true).help("CSV of jobs to price");
        subparser.addArgument("--output").required(true).help("CSV of results, one row per input row");
    }

    @Override
    protected void run(
            Bootstrap<JobPricingConfiguration> bootstrap, Namespace namespace, JobPricingConfiguration config)
            throws Exception {
        Path input = Path.of(namespace.getString("input"));
        Path output = Path.of(namespace.getString("output"));
        // the server's pool and settings: the database stays open for the run, and on H2 each chunk of quotes
        // is on file once committed, before its rows are written to the output
        ManagedDataSource dataSource =
                H2Durability.apply(config.getDatabase()).build(bootstrap.getMetricRegistry(), "price");
        dataSource.start();
        try {
            price(Jdbi.create(dataSource).installPlugin(new SqlObjectPlugin()), config, input, output);
        } finally {
            dataSource.stop();
        }
    }

    private static void price(Jdbi jdbi, JobPricingConfiguration config, Path input, Path output) throws Exception {
        RuleSetCompiler compiler = JobPricingContext.compilingAhead(config);
        PrometheusRegistry registry = new PrometheusRegistry();
        SlowQueryLog.install(jdbi, config.getSlowQueryThreshold(), registry);
        Migrator.migrate(jdbi);
        Clock clock = Clock.systemUTC();
        // the server's object graph and settings: the same rules, plugins (enrichers), thresholds and pipeline
        JobPricingContext context = new JobPricingContext(
                config,
                jdbi,
                Jackson.newObjectMapper(),
                Validators.newValidator(),
                new BusinessMetrics(registry),
                new AuditLog(jdbi.onDemand(AuditDao.class), clock),
                clock,
                compiler);
        context.plugins().start();
        try {
            price(context, input, output);
        } finally {
            context.plugins().stop();
        }
    }

    private static void price(JobPricingContext context, Path input, Path output) throws Exception {
        BatchPricer pricer = context.batch();
        RuleEngine engine = context.engine();
        long started = System.nanoTime();
        Path partial = output.resolveSibling(output.getFileName() + ".partial");
        BatchSummary summary;
        try (InputStream in = Files.newInputStream(input);
                OutputStream out = Files.newOutputStream(partial)) {
            summary = pricer.price(
                    new BatchReader(context.json()).open(in, true),
                    BatchWriter.csv(out),
                    engine.active(),
                    null,
                    lines -> {
                        double seconds = (System.nanoTime() - started) / 1e9;
                        System.err.printf("\rpriced %,d rows (%.0f rows/s)", lines, lines / Math.max(seconds, 1e-9));
                    });
        }
        Files.move(partial, output, StandardCopyOption.REPLACE_EXISTING);
        System.err.println();
        System.out.printf(
                "%d rows: %d priced, %d failed in %.1f s with rules %s -> %s%n",
                summary.lines(),
                summary.priced(),
                summary.failed(),
                summary.seconds(),
                engine.active().version(),
                output);
    }
}
