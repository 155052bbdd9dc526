package org.jobpricing.plugins.onetenricher;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The slice of the O*NET 27.0 database the enricher uses, read from the tab-separated files bundled in
 * the plugin jar (see ATTRIBUTION.txt beside them).
 */
record OnetData(List<Occupation> occupations, List<AlternateTitle> alternateTitles, List<TechnologySkill> skills) {

    static final String RESOURCES = "/org/jobpricing/plugins/onetenricher/";

    /** An occupation: O*NET-SOC code, title and description. */
    record Occupation(String code, String title, String description) {}

    /** Another title of an occupation; {@code shortTitle} is null when O*NET gives none. */
    record AlternateTitle(String code, String title, String shortTitle) {}

    /** A technology used in an occupation, and whether employers currently demand it ("hot"). */
    record TechnologySkill(String code, String name, boolean hot) {}

    OnetData {
        occupations = List.copyOf(occupations);
        alternateTitles = List.copyOf(alternateTitles);
        skills = List.copyOf(skills);
    }

    /** Reads the files bundled in the plugin jar. */
    static OnetData bundled() {
        return new OnetData(
                read(
                        "occupation_data.txt",
                        "O*NET-SOC Code\tTitle\tDescription",
                        c -> new Occupation(c[0], c[1], c[2])),
                read(
                        "alternate_titles.txt",
                        "O*NET-SOC Code\tAlternate Title\tShort Title",
                        c -> new AlternateTitle(c[0], c[1], "n/a".equals(c[2]) ? null : c[2])),
                read(
                        "technology_skills.txt",
                        "O*NET-SOC Code\tExample\tHot Technology",
                        c -> new TechnologySkill(c[0], c[1], "Y".equals(c[2]))));
    }

    private static <T> List<T> read(String file, String header, Function<String[], T> row) {
        int columns = header.split("\t").length;
        InputStream in = OnetData.class.getResourceAsStream(RESOURCES + file);
        if (in == null) {
            throw new IllegalStateException("the O*NET file " + RESOURCES + file + " is missing from the plugin jar");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String first = reader.readLine();
            if (!header.equals(first)) {
                throw new IllegalStateException(
                        file + ": expected the header '" + header + "' but found '" + first + "'");
            }
            List<T> rows = new ArrayList<>();
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                String[] cells = text.split("\t", -1);
                if (cells.length != columns) {
                    throw new IllegalStateException(file + " line " + line + ": expected " + columns
                            + " tab-separated cells, found " + cells.length);
                }
                rows.add(row.apply(cells));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled O*NET file " + file, e);
        }
    }
}
