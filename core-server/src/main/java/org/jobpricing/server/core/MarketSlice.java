package org.jobpricing.server.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jobpricing.plugin.api.MarketObservation;

/**
 * The stored observations of one occupation and country, grouped by area once when they are cached, so a quote reads the rows of its area, its region and the whole country (a few) rather than
 * every area's (hundreds with the BLS state and metro data).
 */
public final class MarketSlice {

    private static final String COUNTRY = "";

    private final Map<String, List<MarketObservation>> byArea;

    public MarketSlice(List<MarketObservation> observations) {
        Map<String, List<MarketObservation>> groups = new HashMap<>();
        for (MarketObservation o : observations) {
            groups.computeIfAbsent(o.area() == null ? COUNTRY : o.area(), k -> new ArrayList<>())
                    .add(o);
        }
        groups.replaceAll((k, v) -> List.copyOf(v));
        this.byArea = Map.copyOf(groups);
    }

    /** The rows of the whole country, then of {@code area}, then of {@code region} (either may be null). */
    public List<MarketObservation> inAreas(String area, String region) {
        List<MarketObservation> rows = new ArrayList<>(byArea.getOrDefault(COUNTRY, List.of()));
        if (area != null) {
            rows.addAll(byArea.getOrDefault(area, List.of()));
        }
        if (region != null && !region.equals(area)) {
            rows.addAll(byArea.getOrDefault(region, List.of()));
        }
        return rows;
    }
}
