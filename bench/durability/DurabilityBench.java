import com.codahale.metrics.MetricRegistry;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.db.ManagedDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.core.MarketDataCache;
import org.jobpricing.server.core.MarketDataService;
import org.jobpricing.server.core.QuoteStore;
import org.jobpricing.server.core.QuoteWriter;
import org.jobpricing.server.db.AuditDao;
import org.jobpricing.server.db.DataVersionDao;
import org.jobpricing.server.db.FxRateDao;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.db.H2Durability;
import org.jobpricing.server.db.Migrator;
import org.jobpricing.server.db.QuoteDao;

/**
 * What a durable H2 commit costs: the server's own storage code (QuoteWriter's group commit, BatchPricer's
 * 500-row chunks, MarketDataService's import) on an H2 file through the server's pool, with H2's default
 * WRITE_DELAY=500 (commits reach the file up to 500 ms later: the old setting) and with WRITE_DELAY=0 set by
 * H2Durability (each commit on file before it returns: the new one). Both databases are open at once and
 * measured in alternating 1 s slices (A B B A ...), so the shared machine's load falls on both alike.
 * {@code churn} re-imports the same rows and prints the file's size: with WRITE_DELAY=0 H2 runs no background
 * writer (and so no background compaction), and dead chunks are reused only after H2's 45 s retention time.
 *
 * usage: java -cp CLASSPATH DurabilityBench.java [slices per figure and mode (6)]
 *        java -cp CLASSPATH DurabilityBench.java churn [imports (100)] [500|0: one mode only] [pause ms (0)]
 */
public final class DurabilityBench {

    static final Path HERE = Path.of(System.getProperty("bench.dir", "bench/durability"));
    static String quoteJson;

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("churn")) {
            int imports = args.length > 1 ? Integer.parseInt(args[1]) : 100;
            long pause = args.length > 3 ? Long.parseLong(args[3]) : 0;
            System.out.println("file MB after re-importing the same 2,000 observations (live data constant)");
            for (boolean durable : args.length > 2 ? new boolean[] {args[2].equals("0")} : new boolean[] {false, true}) {
                churn(durable, imports, pause);
            }
            return;
        }
        int slices = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        quoteJson = Files.readString(HERE.resolve("quote.json"));
        System.out.printf("%d slices of 1 s per figure and mode, alternating A B B A ...; quote row %d + %d chars%n",
                slices, quoteJson.length(), request().length());
        Setup old = new Setup(false);
        Setup durable = new Setup(true);
        for (Setup s : List.of(old, durable)) {
            singleQuotes(s, 1, 2000); // warm-up
            batchRows(s, 1000);
            importRows(s, 1000);
        }
        List<Setup> both = List.of(old, durable);
        System.out.println("mode              1-thread q/s  p50 ms  p99 ms  16-thread q/s  batch rows/s  import rows/s");
        long[][] one = new long[2][];
        long[][] many = new long[2][];
        double[][] rates = new double[2][2];
        for (int i = 0; i < 2; i++) {
            one[i] = new long[0];
            many[i] = new long[0];
        }
        for (int slice = 0; slice < 2 * slices; slice++) {
            int m = (slice % 4 == 0 || slice % 4 == 3) ? 0 : 1;
            Setup s = both.get(m);
            one[m] = concat(one[m], singleQuotes(s, 1, 1000));
            many[m] = concat(many[m], singleQuotes(s, 16, 1000));
            rates[m][0] += batchRows(s, 1000) / slices;
            rates[m][1] += importRows(s, 1000) / slices;
        }
        for (int m = 0; m < 2; m++) {
            long[] o = one[m];
            Arrays.sort(o);
            System.out.printf("%-17s %12.0f %7.2f %7.2f %14.0f %13.0f %14.0f%n", m == 0 ? "WRITE_DELAY=500" : "WRITE_DELAY=0",
                    o.length / (double) slices, o[o.length / 2] / 1e6, o[(int) (o.length * 0.99)] / 1e6,
                    many[m].length / (double) slices, rates[m][0], rates[m][1]);
        }
        old.close();
        durable.close();
    }

    static final AuditLog.Origin ORIGIN = new AuditLog.Origin("127.0.0.1", "durability-bench");

    /** The server's import service on {@code jdbi}: its DAOs, cache and audit log, as the server wires them. */
    static MarketDataService importer(Jdbi jdbi) {
        ObservationDao observations = jdbi.onDemand(ObservationDao.class);
        MarketDataCache cache = new MarketDataCache(
                observations, jdbi.onDemand(FxRateDao.class), jdbi.onDemand(DataVersionDao.class));
        Clock clock = Clock.systemUTC();
        return new MarketDataService(observations, cache, clock, new AuditLog(jdbi.onDemand(AuditDao.class), clock));
    }

    /** One H2 file database through the server's pool, with its quote writer. */
    static final class Setup {
        final Path dir;
        final ManagedDataSource pool;
        final Jdbi jdbi;
        final QuoteWriter writer;
        final MarketDataService importer;

        Setup(boolean durable) throws Exception {
            dir = Files.createTempDirectory("durability-bench");
            pool = pool(dir, durable);
            jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
            Migrator.migrate(jdbi);
            writer = new QuoteWriter(
                    new QuoteStore(jdbi.onDemand(QuoteDao.class), new ObjectMapper()), Duration.ofSeconds(10));
            writer.start();
            importer = importer(jdbi);
        }

        void close() throws Exception {
            writer.stop();
            pool.stop();
            delete(dir);
        }
    }

    static long[] concat(long[] a, long[] b) {
        long[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** The file's size while the same rows are re-imported {@code imports} times, then once closed. */
    static void churn(boolean durable, int imports, long pause) throws Exception {
        Path dir = Files.createTempDirectory("durability-bench");
        ManagedDataSource pool = pool(dir, durable);
        Jdbi jdbi = Jdbi.create(pool).installPlugin(new SqlObjectPlugin());
        Migrator.migrate(jdbi);
        MarketDataService service = importer(jdbi);
        String csv = importCsv();
        StringBuilder line = new StringBuilder(durable ? "WRITE_DELAY=0  " : "WRITE_DELAY=500");
        long started = System.nanoTime();
        for (int i = 1; i <= imports; i++) {
            service.importCsv(csv, "bench", ORIGIN);
            Thread.sleep(pause);
            if (i % Math.max(1, imports / 6) == 0) {
                line.append(String.format("  %d (%.0f s): %.1f", i, (System.nanoTime() - started) / 1e9,
                        Files.size(dir.resolve("db.mv.db")) / 1e6));
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        pool.stop();
        line.append(String.format("  closed: %.1f MB (%.0f rows/s)", Files.size(dir.resolve("db.mv.db")) / 1e6,
                imports * 2000 / seconds));
        System.out.println(line);
        delete(dir);
    }

    static ManagedDataSource pool(Path dir, boolean durable) throws Exception {
        DataSourceFactory factory = new DataSourceFactory();
        factory.setDriverClass("org.h2.Driver");
        factory.setUrl("jdbc:h2:" + dir.resolve("db").toAbsolutePath() + (durable ? "" : ";WRITE_DELAY=500"));
        factory.setUser("sa");
        factory.setPassword("");
        factory.setMaxSize(16);
        factory.setProperties(Map.of("charSet", "UTF-8"));
        if (durable) {
            H2Durability.apply(factory);
        }
        ManagedDataSource pool = factory.build(new MetricRegistry(), "bench");
        pool.start();
        return pool;
    }

    static void delete(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    /** The latency (ns) of each quote stored by {@code threads} callers through QuoteWriter in {@code millis}. */
    static long[] singleQuotes(Setup setup, int threads, long millis) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Long>>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            results.add(pool.submit(() -> {
                List<Long> latencies = new ArrayList<>();
                while (!stop.get()) {
                    long started = System.nanoTime();
                    setup.writer.store(row());
                    latencies.add(System.nanoTime() - started);
                }
                return latencies;
            }));
        }
        Thread.sleep(millis);
        stop.set(true);
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> r : results) {
            all.addAll(r.get());
        }
        pool.shutdown();
        return all.stream().mapToLong(Long::longValue).toArray();
    }

    /** Rows/s of 500-row chunks stored as BatchPricer stores them, for {@code millis}. */
    static double batchRows(Setup setup, long millis) {
        long rows = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < millis * 1_000_000L) {
            List<QuoteDao.Row> chunk = new ArrayList<>(500);
            for (int i = 0; i < 500; i++) {
                chunk.add(row());
            }
            setup.jdbi.useExtension(QuoteDao.class, dao -> dao.insertAll(chunk));
            rows += chunk.size();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    /** Rows/s of 2,000-row CSV imports (parse, check, upsert in one transaction, same keys), for {@code millis}. */
    static double importRows(Setup setup, long millis) {
        String csv = importCsv();
        long rows = 0;
        long started = System.nanoTime();
        while (System.nanoTime() - started < millis * 1_000_000L) {
            rows += setup.importer.importCsv(csv, "bench", ORIGIN).imported();
        }
        return rows / ((System.nanoTime() - started) / 1e9);
    }

    static String importCsv() {
        StringBuilder csv = new StringBuilder("source_id,source_type,occupation_code,level,country,area,currency,"
                + "period,effective_date,p10,p25,p50,p75,p90,sample_size,org_count\n");
        LocalDate first = LocalDate.of(2020, 1, 1);
        for (int i = 0; i < 2000; i++) {
            csv.append("bench-survey,SURVEY,15-").append(1000 + i % 1000).append(",IC3,US,,USD,ANNUAL,")
                    .append(first.plusDays(i / 1000)).append(",,,").append(100_000 + i).append(",,,50,10\n");
        }
        return csv.toString();
    }

    static QuoteDao.Row row() {
        String id = UUID.randomUUID().toString();
        return new QuoteDao.Row(id, Timestamp.from(Instant.now()), "15-1252", "IC3", "US", "v1", request(),
                quoteJson.replaceFirst("\"id\":\"[^\"]*\"", "\"id\":\"" + id + "\""), "bench");
    }

    static String request() {
        return "{\"title\":\"Developer\",\"occupationCode\":\"15-1252\",\"level\":\"IC3\",\"country\":\"US\","
                + "\"area\":null,\"currency\":null,\"asOf\":\"2026-05-01\",\"skills\":[],\"description\":null}";
    }
}
