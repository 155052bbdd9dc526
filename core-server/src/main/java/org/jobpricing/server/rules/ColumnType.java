package org.jobpricing.server.rules;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.DoublePredicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.rules.facts.MarketCandidate;
import org.jobpricing.rules.facts.PayReportPolicy;

/**
 * The declared type of a decision-table column, found from its code line: what a cell of that column
 * may hold. Every cell is checked against it before anything compiles, so a cell is always a value,
 * never code. A column whose code line is not known here still only takes a plain number (where the
 * value is not quoted) or a plain word (where it is).
 */
public record ColumnType(String description, Pattern pattern, DoublePredicate range) {

    private static final Pattern NUMBER = Pattern.compile("-?\\d{1,12}(\\.\\d{1,12})?");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_-]{0,19}");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} +#./&_-]{0,79}");

    static final ColumnType LEVEL = text("a level code (capitals, digits, - or _; up to 20)", CODE, false);
    static final ColumnType LEVEL_OR_ANY = text("a level code or *", CODE, true);
    static final ColumnType COUNTRY_OR_ANY =
            text("an ISO country code (2 capitals) or *", Pattern.compile("[A-Z]{2}"), true);
    static final ColumnType AREA_OR_ANY =
            text("an area code (e.g. US-NYC, US-41860) or *", Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,29})?"), true);
    static final ColumnType AREA =
            text("an area code (e.g. US-CA, US-41860)", Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,29})?"), false);
    static final ColumnType AREA_MATCH =
            oneOf("an area match", MarketCandidate.AREA, MarketCandidate.REGION, MarketCandidate.COUNTRY);
    static final ColumnType CURRENCY_OR_ANY =
            text("an ISO currency code (3 capitals) or *", Pattern.compile("[A-Z]{3}"), true);
    static final ColumnType SKILL = text("a skill name (letters, digits, spaces, + # . / & _ -)", WORD, false);
    static final ColumnType SOURCE_TYPE = oneOf(
            "a source type", Arrays.stream(SourceType.values()).map(Enum::name).toArray(String[]::new));
    static final ColumnType MATCH = oneOf("a match", MarketCandidate.EXACT, MarketCandidate.BROAD);
    static final ColumnType PERIOD = oneOf(
            "a pay period", Arrays.stream(PayPeriod.values()).map(Enum::name).toArray(String[]::new));
    static final ColumnType REASON =
            text("a reason code (capitals, digits and _)", Pattern.compile("[A-Z][A-Z0-9_]{0,39}"), false);
    static final ColumnType SAMPLE = number("a whole number >= 0", v -> v >= 0 && v == Math.rint(v));
    /** A value the column's code line does not quote: a number and nothing else. */
    static final ColumnType ANY_NUMBER = number("a number", v -> true);
    /** A quoted value of a column not known here: a plain word. */
    static final ColumnType ANY_WORD =
            text("a plain word or number (letters, digits, spaces, + # . / & _ -)", WORD, true);

    /** Known code lines (spaces removed) and the type of their cells. */
    private static final Map<String, ColumnType> KNOWN = new LinkedHashMap<>();

    static {
        KNOWN.put("level==\"$param\"", LEVEL);
        KNOWN.put("atLevel(\"$param\")", LEVEL_OR_ANY);
        KNOWN.put("inCountry(\"$param\")", COUNTRY_OR_ANY);
        KNOWN.put("inArea(\"$param\")", AREA_OR_ANY);
        KNOWN.put("area==\"$param\"", AREA);
        KNOWN.put("inCurrency(\"$param\")", CURRENCY_OR_ANY);
        KNOWN.put("isNamed(\"$param\")", SKILL);
        KNOWN.put("sourceType==\"$param\"", SOURCE_TYPE);
        KNOWN.put("match==\"$param\"", MATCH);
        KNOWN.put("period==\"$param\"", PERIOD);
        KNOWN.put("sampleSize<$param", SAMPLE);
        KNOWN.put("$c.exclude(\"$param\");", REASON);
        KNOWN.put("modify($c){exclude(\"$param\")}", REASON);
        KNOWN.put("areaMatch==\"$param\",jobArea!=null", AREA_MATCH);
        KNOWN.put("areaMatch==\"$param\"", AREA_MATCH);
        KNOWN.put("$a.setRegion(\"$param\");", AREA);
        setter("$job.setLevelFactor", "a level factor > 0", v -> v > 0);
        setter("$job.setSpread", "a spread > 0", v -> v > 0);
        setter("$job.setAgingRate", "an aging rate > -1", v -> v > -1);
        setter("$job.setAreaIndex", "an area index > 0", v -> v > 0);
        setter("$a.setAreaIndex", "an area index > 0", v -> v > 0);
        setter("$c.setAreaWeight", "a weight >= 0", v -> v >= 0);
        setter("$job.setRounding", "a rounding unit > 0", v -> v > 0);
        setter("$job.setTargetPercentile", "a target percentile between 10 and 90", v -> v >= 10 && v <= 90);
        setter("$job.setPremiumCap", "a premium cap >= 0", v -> v >= 0);
        setter("$skill.setPremium", "a skill premium >= 0", v -> v >= 0);
        setter("$c.setSourceWeight", "a weight >= 0", v -> v >= 0);
        setter("$c.setMatchWeight", "a weight >= 0", v -> v >= 0);
        setter("$c.setAnnualize", "periods per year > 0", v -> v > 0);
        setter("$g.setSpread", "a grade spread > 0", v -> v > 0);
        setter("$g.setSlotTolerance", "a slotting tolerance from 0 to 1", v -> v >= 0 && v <= 1);
        setter("$loc.setMinEmployees", "a whole number >= 0", v -> v >= 0 && v == Math.rint(v));
        setter("$loc.setBenefitsRequired", "0 or 1", v -> v == 0 || v == 1);
        setter("$loc.setDeadlineRequired", "0 or 1", v -> v == 0 || v == 1);
        setter("$r.setLower", "a band position from 0 to 1", v -> v >= 0 && v <= 1);
        setter("$r.setUpper", "a band position from 0 to 1", v -> v >= 0 && v <= 1);
        setter("$r.setMaxWidth", "a share of the band from 0 to 1", v -> v > 0 && v <= 1);
        // pay transparency (employee pay reports)
        setter("$p.setMinCellSize", "a whole number of employees >= 1", v -> v >= 1 && v == Math.rint(v));
        setter("$p.setMinPerGender", "a whole number of employees >= 1", v -> v >= 1 && v == Math.rint(v));
        setter("$p.setJointAssessmentThreshold", "a gap between 0 and 1 (0.05 = 5 %)", v -> v > 0 && v < 1);
        KNOWN.put(
                "$p.setCategoryBasis(\"$param\");",
                oneOf("a category basis", PayReportPolicy.JOB_FAMILY_LEVEL, PayReportPolicy.GRADE));
    }

    private static void setter(String call, String description, DoublePredicate range) {
        KNOWN.put(call + "($param);", number(description, range));
        // the same setter in a modify block, which tells the engine the fact changed
        int dot = call.indexOf('.');
        KNOWN.put(
                "modify(" + call.substring(0, dot) + "){" + call.substring(dot + 1) + "($param)}",
                number(description, range));
    }

    private static ColumnType text(String description, Pattern pattern, boolean any) {
        return new ColumnType(description, any ? Pattern.compile("\\*|" + pattern.pattern()) : pattern, null);
    }

    private static ColumnType oneOf(String description, String... values) {
        return new ColumnType(
                description + " (" + String.join(", ", values) + ")",
                Pattern.compile(Arrays.stream(values).map(Pattern::quote).collect(Collectors.joining("|"))),
                null);
    }

    private static ColumnType number(String description, DoublePredicate range) {
        return new ColumnType(description, NUMBER, range);
    }

    /**
     * The type of a column from its code line; empty when the code line takes more than one value
     * ({@code $1}, {@code $2}), which decision tables here do not use.
     */
    public static Optional<ColumnType> of(String snippet) {
        String code = snippet.replaceAll("\\s+", "");
        ColumnType known = KNOWN.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        if (code.matches(".*\\$\\d.*")) {
            return Optional.empty();
        }
        return Optional.of(code.contains("\"$param\"") ? ANY_WORD : ANY_NUMBER);
    }

    /** The problem with a cell of this type, or empty when it is a valid value. */
    public Optional<String> problem(String cell) {
        if (!pattern.matcher(cell).matches()) {
            return Optional.of(
                    range != null
                            ? "'" + shorten(cell) + "' is not a number: it must be " + description
                            : "'" + shorten(cell) + "' is not " + description);
        }
        if (range != null) {
            double value = Double.parseDouble(cell);
            if (!Double.isFinite(value) || !range.test(value)) {
                return Optional.of(cell + " is out of range: it must be " + description);
            }
        }
        return Optional.empty();
    }

    private static String shorten(String cell) {
        String oneLine = cell.replaceAll("[\\r\\n]+", " ");
        return oneLine.length() > 60 ? oneLine.substring(0, 57) + "..." : oneLine;
    }
}
