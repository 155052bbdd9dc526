package org.jobpricing.plugins.blsoews;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.CsvRows;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.pf4j.Extension;

/**
 * GOVERNMENT observations from BLS OEWS (pricing method §11): sourceId {@code bls-oews}, all levels,
 * annual USD. Ships every detailed occupation for the nation, the states and the nonmetropolitan areas
 * of May 2024 and May 2025 and the metropolitan areas of May 2024 (about 300,000 rows); area empty for
 * the nation, {@code US-} + the state's USPS code for a state, {@code US-} + the OEWS area code for a
 * metro or nonmetro area. sampleSize = total employment, or 50 for a row without it (metro rows); a row
 * without a median is no observation. The cursor is a fingerprint of the data and the configuration: a
 * run whose fingerprint equals the stored cursor returns no rows, so an unchanged plugin costs nothing
 * at startup. {@code file} points at a national file in the columns of the BLS national table instead.
 */
@Extension
public class BlsOewsSource implements MarketDataSource {

    /** The columns of a national file ({@code file}). */
    static final List<String> HEADER =
            List.of("soc", "tot_emp", "a_mean", "a_pct10", "a_pct25", "a_median", "a_pct75", "a_pct90");
    /** The columns of the bundled area files. */
    static final List<String> AREA_HEADER = List.of(
            "area_code",
            "area_type",
            "state",
            "soc",
            "tot_emp",
            "a_pct10",
            "a_pct25",
            "a_median",
            "a_pct75",
            "a_pct90",
            "a_mean");

    static final String SOURCE_ID = "bls-oews";
    static final String RESOURCES = "/org/jobpricing/plugins/blsoews/";
    /** The bundled editions: file and effective date (the May reference period). */
    static final Map<String, LocalDate> BUNDLED = new LinkedHashMap<>();

    static {
        BUNDLED.put("oews_2024.csv.gz", LocalDate.of(2024, 5, 1));
        BUNDLED.put("oews_2025.csv.gz", LocalDate.of(2025, 5, 1));
    }

    /** Sample size of a row BLS publishes without employment (metro rows): the credibility of 50. */
    static final int NO_EMPLOYMENT_SAMPLE = 50;
    /** Changes when the way rows are made changes, so a new plugin version reloads its data. */
    static final String FORMAT = "bls-oews/2";

    static final String DEFAULT_EFFECTIVE_DATE = "2025-05-01";

    @Override
    public String name() {
        return "bls-oews";
    }

    @Override
    public String description() {
        return "BLS Occupational Employment and Wage Statistics: annual wages by SOC code for the nation, every "
                + "state and metropolitan and nonmetropolitan area (May 2024 and May 2025)";
    }

    @Override
    public SourceType type() {
        return SourceType.GOVERNMENT;
    }

    @Override
    public List<ConfigField> configSchema() {
        return List.of(
                ConfigField.optional(
                        "file",
                        ConfigField.Type.FILE,
                        "an OEWS national file in the columns soc,tot_emp,a_mean,a_pct10..a_pct90, instead of the "
                                + "bundled national, state and area data"),
                ConfigField.optional(
                        "effectiveDate",
                        ConfigField.Type.DATE,
                        "reference date of the wages of 'file' (default " + DEFAULT_EFFECTIVE_DATE + ")"),
                ConfigField.optional("sourceId", ConfigField.Type.STRING, "source id of the rows (default bls-oews)"),
                ConfigField.optional(
                        "areas",
                        ConfigField.Type.STRING,
                        "which bundled rows to load: all (default: the nation, states, metro and nonmetro areas) "
                                + "or national (the nation's rows only, a small database)"));
    }

    /**
     * Reads all the data; returns no rows when the data and configuration are those of {@code cursor}
     * (the fingerprint of the last stored run). Rows replace the stored ones with the same key.
     */
    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException {
        String sourceId = context.get("sourceId").orElse(SOURCE_ID);
        Optional<String> file = context.get("file");
        LocalDate effective = LocalDate.parse(context.get("effectiveDate").orElse(DEFAULT_EFFECTIVE_DATE));
        String areas = context.get("areas").orElse("all").strip().toLowerCase(java.util.Locale.ROOT);
        if (!areas.equals("all") && !areas.equals("national")) {
            throw new IOException("setting areas must be all or national, not " + areas);
        }
        MessageDigest digest = sha256();
        digest.update((FORMAT + "|" + sourceId + "|" + file.orElse("") + "|" + effective + "|" + areas)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> contents = new LinkedHashMap<>();
        if (file.isPresent()) {
            contents.put(file.get(), Files.readAllBytes(Path.of(file.get())));
        } else {
            for (String name : BUNDLED.keySet()) {
                contents.put(name, bundled(name));
            }
        }
        contents.values().forEach(digest::update);
        String fingerprint = "sha256:" + HexFormat.of().formatHex(digest.digest());
        if (fingerprint.equals(cursor)) {
            return new FetchResult(
                    List.of(),
                    List.of(new Problem(
                            0,
                            null,
                            "data unchanged since the last load (" + fingerprint.substring(0, 19)
                                    + "): nothing to store")),
                    fingerprint);
        }
        if (file.isPresent()) {
            try (Reader reader = new InputStreamReader(
                    new java.io.ByteArrayInputStream(contents.get(file.get())), StandardCharsets.UTF_8)) {
                FetchResult read = read(reader, sourceId, effective);
                return new FetchResult(read.observations(), read.warnings(), fingerprint);
            }
        }
        List<MarketObservation> observations = new ArrayList<>(310_000);
        List<Problem> warnings = new ArrayList<>();
        for (Map.Entry<String, LocalDate> edition : BUNDLED.entrySet()) {
            try (Reader reader = new InputStreamReader(
                    new GZIPInputStream(new java.io.ByteArrayInputStream(contents.get(edition.getKey()))),
                    StandardCharsets.UTF_8)) {
                readAreas(reader, sourceId, edition.getValue(), edition.getKey(), observations, warnings);
            }
        }
        if (areas.equals("national")) {
            observations.removeIf(o -> o.area() != null);
        }
        return new FetchResult(observations, warnings, fingerprint);
    }

    private static byte[] bundled(String name) throws IOException {
        try (InputStream in = BlsOewsSource.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IOException("the bundled OEWS file " + name + " is missing from the plugin jar");
            }
            return in.readAllBytes();
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The area code of method §11: none for the nation, US-CA for a state, US-41860 for an OEWS area. */
    static String area(String areaCode, String areaType, String state) {
        return switch (areaType) {
            case "national" -> null;
            case "state", "territory" -> "US-" + state;
            default -> "US-" + areaCode;
        };
    }

    /**
     * Reads a bundled area file; a row without a median is skipped silently (BLS did not publish it,
     * counted in one warning), and the rows of one file share {@code effective}.
     */
    static void readAreas(
            Reader reader,
            String sourceId,
            LocalDate effective,
            String file,
            List<MarketObservation> observations,
            List<Problem> warnings)
            throws IOException {
        CsvRows.Result csv = CsvRows.read(reader, AREA_HEADER);
        if (!csv.ok() && csv.rows().isEmpty()) {
            throw new IOException(
                    "not an OEWS area file: " + file + ": " + csv.problems().get(0));
        }
        warnings.addAll(csv.problems());
        int unpublished = 0;
        for (CsvRows.Row row : csv.rows()) {
            Double median = wage(row.get(7));
            if (median == null) {
                unpublished++;
                continue;
            }
            Long employment = count(row.get(4));
            observations.add(new MarketObservation(
                    sourceId,
                    SourceType.GOVERNMENT,
                    row.get(3),
                    null,
                    "US",
                    area(row.get(0), row.get(1), row.get(2)),
                    "USD",
                    PayPeriod.ANNUAL,
                    effective,
                    wage(row.get(5)),
                    wage(row.get(6)),
                    median,
                    wage(row.get(8)),
                    wage(row.get(9)),
                    employment == null || employment < 1
                            ? NO_EMPLOYMENT_SAMPLE
                            : (int) Math.min(Integer.MAX_VALUE, employment),
                    null));
        }
        if (unpublished > 0) {
            warnings.add(new Problem(
                    0, "a_median", file + ": " + unpublished + " rows without a published annual median skipped"));
        }
    }

    static FetchResult read(Reader reader, String sourceId, LocalDate effective) throws IOException {
        CsvRows.Result csv = CsvRows.read(reader, HEADER);
        if (!csv.ok() && csv.rows().isEmpty()) {
            throw new IOException("not an OEWS national file: " + csv.problems().get(0));
        }
        List<Problem> warnings = new ArrayList<>(csv.problems());
        List<MarketObservation> observations = new ArrayList<>();
        for (CsvRows.Row row : csv.rows()) {
            Double median = wage(row.get(5));
            Long employment = count(row.get(1));
            if (median == null || employment == null || employment < 1) {
                warnings.add(new Problem(
                        row.line(),
                        median == null ? "a_median" : "tot_emp",
                        "suppressed or missing for " + row.get(0) + "; row skipped"));
                continue;
            }
            observations.add(new MarketObservation(
                    sourceId,
                    SourceType.GOVERNMENT,
                    row.get(0),
                    null,
                    "US",
                    null,
                    "USD",
                    PayPeriod.ANNUAL,
                    effective,
                    wage(row.get(3)),
                    wage(row.get(4)),
                    median,
                    wage(row.get(6)),
                    wage(row.get(7)),
                    (int) Math.min(Integer.MAX_VALUE, employment),
                    null));
        }
        return new FetchResult(observations, warnings);
    }

    /** A wage cell; OEWS marks suppressed or top-coded estimates with * or #, read as not reported. */
    private static Double wage(String cell) {
        if (cell == null || cell.startsWith("*") || cell.startsWith("#")) {
            return null;
        }
        try {
            return Double.valueOf(cell.replace(",", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long count(String cell) {
        Double value = wage(cell);
        return value == null ? null : value.longValue();
    }
}
