package org.jobpricing.server.core;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.jobpricing.server.rules.AreaTable;

/**
 * Finds areas (pricing method §11) by code ({@code US-41860}, {@code 41860}), name ({@code San
 * Francisco}, {@code Austin, TX}) or state ({@code CA}, {@code California}: the state and its areas).
 * Titles and kinds come from the BLS OEWS area list bundled with the server; region and index from the
 * area table of the active rules, so an analyst's added area is found by its code too.
 */
public final class AreaSearch {

    /** One found area; title and kind are null for an area only the rules list. */
    public record Area(String code, String title, String kind, String region, Double index) {}

    /** An area of the bundled list: code, title, kind (state, territory, metro, nonmetro) and USPS states. */
    record Known(String code, String title, String kind, List<String> states) {}

    public static final int MAX_RESULTS = 100;

    private final Map<String, Known> known;
    private final Map<String, String> stateCodes; // lower-case state name -> USPS
    private final Supplier<AreaTable> table;

    public AreaSearch(Supplier<AreaTable> table) {
        this.table = table;
        this.known = readBundled();
        this.stateCodes = new HashMap<>();
        known.values().stream()
                .filter(k -> k.kind().equals("state") || k.kind().equals("territory"))
                .forEach(k -> stateCodes.put(
                        k.title().toLowerCase(Locale.ROOT), k.states().get(0)));
    }

    /** The areas matching {@code q}, best first (exact code, then the state and its areas, then names). */
    public List<Area> find(String q) {
        String query = q == null ? "" : q.strip();
        if (query.isEmpty()) {
            throw new IllegalArgumentException("q is required: a code (US-41860), a name (San Francisco) or a state");
        }
        AreaTable areas = table.get();
        Map<String, Area> found = new LinkedHashMap<>();
        String upper = query.toUpperCase(Locale.ROOT);
        // a code, with or without US-
        for (String code : List.of(upper, "US-" + upper)) {
            if (areas.find(code).isPresent() || known.containsKey(code)) {
                found.putIfAbsent(code, area(code, areas));
            }
        }
        // a state: its row, then every area whose region it is (a metro across states: its first state)
        String state = upper.length() == 2 ? upper : stateCodes.get(query.toLowerCase(Locale.ROOT));
        if (state != null && known.containsKey("US-" + state)) {
            found.putIfAbsent("US-" + state, area("US-" + state, areas));
            known.values().stream()
                    .filter(k -> !k.kind().equals("state") && k.states().get(0).equals(state))
                    .forEach(k -> found.putIfAbsent(k.code(), area(k.code(), areas)));
        }
        // a name, optionally followed by ", ST" (a state's name or code finds the state and its areas only)
        String name = query.toLowerCase(Locale.ROOT);
        String inState = null;
        int comma = name.lastIndexOf(',');
        if (comma > 0) {
            inState = name.substring(comma + 1).strip().toUpperCase(Locale.ROOT);
            name = name.substring(0, comma).strip();
        }
        if (name.length() >= 2 && state == null) {
            for (Known k : known.values()) {
                String title = k.title().toLowerCase(Locale.ROOT);
                String place = title.contains(",") ? title.substring(0, title.lastIndexOf(',')) : title;
                if (place.contains(name) && (inState == null || k.states().contains(inState))) {
                    found.putIfAbsent(k.code(), area(k.code(), areas));
                }
            }
        }
        return found.values().stream().limit(MAX_RESULTS).toList();
    }

    private Area area(String code, AreaTable areas) {
        Known k = known.get(code);
        AreaTable.Area row = areas.find(code).orElse(null);
        return new Area(
                code,
                k == null ? null : k.title(),
                k == null ? null : k.kind(),
                row == null ? null : row.region(),
                row == null ? null : row.index());
    }

    private static Map<String, Known> readBundled() {
        Map<String, Known> areas = new LinkedHashMap<>();
        try (InputStream in = AreaSearch.class.getResourceAsStream("/org/jobpricing/server/areas/areas.csv");
                MappingIterator<Map<String, String>> it = new CsvMapper()
                        .readerForMapOf(String.class)
                        .with(CsvSchema.emptySchema().withHeader())
                        .readValues(in)) {
            for (Map<String, String> r : it.readAll()) {
                String type = r.get("area_type");
                if (type.equals("national")) {
                    continue;
                }
                List<String> states =
                        new ArrayList<>(Arrays.asList(r.get("state").split("-")));
                boolean isState = type.equals("state") || type.equals("territory");
                String code = isState ? "US-" + states.get(0) : "US-" + r.get("area_code");
                String kind = type.equals("msa") ? "metro" : type;
                areas.put(code, new Known(code, r.get("area_title"), kind, List.copyOf(states)));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("the bundled area list cannot be read", e);
        }
        return Map.copyOf(areas);
    }
}
