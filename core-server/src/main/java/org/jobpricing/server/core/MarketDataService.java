package org.jobpricing.server.core;

import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.ObservationCsv;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.server.api.ImportResult;
import org.jobpricing.server.api.ObservationView;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.db.ObservationDao;
import org.jobpricing.server.failures.InvalidInputException;

/** Imports, stores and lists market observations. Every import is all-or-nothing. */
public final class MarketDataService {

    private final ObservationDao stored;
    private final MarketDataCache cache;
    private final Clock clock;
    private final AuditLog audit;

    public MarketDataService(ObservationDao stored, MarketDataCache cache, Clock clock, AuditLog audit) {
        this.stored = stored;
        this.cache = cache;
        this.clock = clock;
        this.audit = audit;
    }

    /** Imports {@code csv} for {@code by}, audited: the rows stored, or why the file was refused. */
    public ImportResult importCsv(String csv, String by, AuditLog.Origin origin) {
        return audit.audited(
                by, "market-data.import", "observations", origin, () -> importCsv(csv), r -> r.imported() + " rows");
    }

    /** Imports a CSV in the method's format; any bad row rejects the whole file with every problem listed. */
    ImportResult importCsv(String csv) {
        ObservationCsv.Result parsed = ObservationCsv.parse(new StringReader(csv));
        List<Problem> problems = new ArrayList<>(parsed.problems());
        problems.addAll(duplicateKeys(parsed.rows()));
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingLong(Problem::line));
            throw new InvalidInputException(
                    "INVALID_CSV", problems.size() + " problem(s) in the CSV; nothing was imported", problems);
        }
        List<MarketObservation> rows =
                parsed.rows().stream().map(ObservationCsv.Line::observation).toList();
        if (rows.isEmpty()) {
            throw new InvalidInputException(
                    "INVALID_CSV",
                    "the CSV has a header but no rows; nothing was imported",
                    List.of(new Problem(1, null, "the header is followed by no rows")));
        }
        store(rows, "import");
        return new ImportResult(rows.size());
    }

    /** Stores observations in one transaction, replacing stored rows with the same key. */
    public void store(List<MarketObservation> observations, String origin) {
        Instant now = clock.instant();
        List<ObservationDao.Row> rows = observations.stream()
                .map(o -> ObservationDao.Row.of(o, origin, now))
                .toList();
        stored.upsert(rows);
        cache.changed();
    }

    public List<ObservationView> list(String occupationCode, String country, int limit, int offset) {
        return stored.list(occupationCode, country, limit, offset).stream()
                .map(s -> {
                    MarketObservation o = s.observation();
                    return new ObservationView(
                            o.sourceId(),
                            o.sourceType(),
                            o.occupationCode(),
                            o.level(),
                            o.country(),
                            o.area(),
                            o.currency(),
                            o.period(),
                            o.effectiveDate(),
                            o.p10(),
                            o.p25(),
                            o.p50(),
                            o.p75(),
                            o.p90(),
                            o.sampleSize(),
                            o.orgCount(),
                            s.origin(),
                            s.loadedAt());
                })
                .toList();
    }

    /** Two rows of one file with the same key would silently replace each other: reject both lines. */
    private static List<Problem> duplicateKeys(List<ObservationCsv.Line> rows) {
        Map<List<Object>, Long> firstLine = new HashMap<>();
        List<Problem> problems = new ArrayList<>();
        for (ObservationCsv.Line row : rows) {
            MarketObservation o = row.observation();
            List<Object> key = java.util.Arrays.asList(
                    o.sourceId(), o.occupationCode(), o.level(), o.country(), o.area(), o.effectiveDate());
            Long previous = firstLine.putIfAbsent(key, row.line());
            if (previous != null) {
                problems.add(new Problem(
                        row.line(),
                        null,
                        "same key (source_id, occupation_code, level, country, " + "area, effective_date) as line "
                                + previous));
            }
        }
        return problems;
    }
}
