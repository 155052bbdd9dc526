package org.jobpricing.plugins.onetenricher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How common each occupation is: U.S. national employment (BLS OEWS, May 2024, {@code
 * oews_national_employment_2024.csv}) per SOC 2018 detailed occupation, so that among titles that fit equally
 * well the occupation with more jobs comes first: real job titles are distributed like jobs, not like
 * O*NET's list. O*NET occupations that OEWS publishes only as a group (29-2011 and 29-2012 as 29-2010, the
 * buyers 13-1021..23 as 13-1020) share the group's employment equally; occupations OEWS does not cover
 * (the military, 55-xxxx) get {@link #FLOOR} jobs.
 */
final class EmploymentPrior {

    static final double FLOOR = 2_000;
    /** Employment at which the prior is 0: about the median SOC occupation. */
    static final double PIVOT = 20_000;

    private final Map<String, Double> bySoc;

    private EmploymentPrior(Map<String, Double> bySoc) {
        this.bySoc = Map.copyOf(bySoc);
    }

    /** The bundled OEWS figures, spread over the SOC codes of {@code onetCodes}. */
    static EmploymentPrior bundled(Collection<String> onetCodes) {
        Map<String, Double> oews = read();
        Set<String> socs = new TreeSet<>();
        onetCodes.forEach(c -> socs.add(soc(c)));
        Map<String, String> group = new HashMap<>();
        Map<String, Integer> members = new HashMap<>();
        for (String soc : socs) {
            String g = groupOf(soc, oews);
            if (g != null) {
                group.put(soc, g);
                members.merge(g, 1, Integer::sum);
            }
        }
        Map<String, Double> bySoc = new HashMap<>();
        for (String soc : socs) {
            String g = group.get(soc);
            bySoc.put(soc, g == null ? FLOOR : Math.max(FLOOR, oews.get(g) / members.get(g)));
        }
        return new EmploymentPrior(bySoc);
    }

    /** U.S. jobs in the SOC occupation of an O*NET-SOC code. */
    double employment(String onetCode) {
        return bySoc.getOrDefault(soc(onetCode), FLOOR);
    }

    /** {@code log10(employment / PIVOT)}: 0 for a median occupation, +1.9 for software developers. */
    double logPrior(String onetCode) {
        return Math.log10(employment(onetCode) / PIVOT);
    }

    static String soc(String onetCode) {
        return onetCode.length() >= 7 ? onetCode.substring(0, 7) : onetCode;
    }

    /** The OEWS code a SOC occupation's jobs are counted under: itself, its "…0" group, or its only sibling. */
    private static String groupOf(String soc, Map<String, Double> oews) {
        if (oews.containsKey(soc)) {
            return soc;
        }
        String group = soc.substring(0, 6) + "0";
        if (oews.containsKey(group)) {
            return group;
        }
        String prefix = soc.substring(0, 6);
        String found = null;
        for (String code : new TreeSet<>(oews.keySet())) {
            if (code.startsWith(prefix)) {
                found = found == null ? code : found;
            }
        }
        return found;
    }

    private static Map<String, Double> read() {
        String file = "oews_national_employment_2024.csv";
        InputStream in = EmploymentPrior.class.getResourceAsStream(OnetData.RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException(
                    "the employment file " + OnetData.RESOURCES + file + " is missing from the plugin jar");
        }
        Map<String, Double> employment = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (!"soc,tot_emp".equals(header)) {
                throw new IllegalStateException(
                        file + ": expected the header 'soc,tot_emp' but found '" + header + "'");
            }
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String[] cells = text.split(",");
                try {
                    employment.put(cells[0], Double.parseDouble(cells[1]));
                } catch (RuntimeException e) {
                    throw new IllegalStateException(
                            file + " line " + line + ": expected soc,tot_emp, found '" + text + "'");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled file " + file, e);
        }
        return employment;
    }
}
