package org.jobpricing.plugin.api;

import java.util.List;
import org.pf4j.ExtensionPoint;

/**
 * Enriches a job with standard data: the occupations its title maps to and the technology skills it
 * mentions. Implementations work offline on bundled reference data, are thread-safe, and return empty
 * lists (never null) when nothing matches. Results are ordered best first and hold at most
 * {@code limit} entries; a {@code limit} below 1 yields an empty list.
 */
public interface JobEnricher extends ExtensionPoint {

    /** A short, stable name for logs and reports, e.g. {@code onet-enricher}. */
    String name();

    /**
     * The occupations a job most likely belongs to, from its title and, when not null or blank, its
     * description as weaker evidence.
     */
    List<OccupationMatch> matchOccupations(String title, String description, int limit);

    /** The technology skills named in free text such as a job description. */
    List<SkillMatch> extractSkills(String text, int limit);

    /** The technology skills of an occupation, by O*NET-SOC code; empty for an unknown code. */
    List<SkillMatch> skillsFor(String occupationCode, int limit);
}
