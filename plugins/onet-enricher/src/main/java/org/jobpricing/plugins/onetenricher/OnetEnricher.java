package org.jobpricing.plugins.onetenricher;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jobpricing.plugin.api.JobEnricher;
import org.jobpricing.plugin.api.OccupationMatch;
import org.jobpricing.plugin.api.SkillMatch;
import org.pf4j.Extension;

/**
 * Offline job enrichment from the O*NET 27.0 data bundled in the plugin jar: job titles to O*NET-SOC
 * occupations ({@link OccupationMatcher}: BM25 over occupation and alternate titles with an employment
 * prior, a calibrated confidence and a level hint), and technology skills. The
 * indexes are built in memory on the first call (2-6 s on two cores; they then hold about 15 MB of heap)
 * and shared by every instance of the plugin; later calls take a few milliseconds.
 */
@Extension
public class OnetEnricher implements JobEnricher {

    private static final Pattern SOC_CODE = Pattern.compile("\\d\\d-\\d{4}");

    private final Supplier<OccupationMatcher> titles;
    private final Supplier<SkillCatalog> skills;

    /** The extension PF4J creates: uses the bundled data. */
    public OnetEnricher() {
        this(() -> Bundled.TITLES, () -> Bundled.SKILLS);
    }

    OnetEnricher(Supplier<OccupationMatcher> titles, Supplier<SkillCatalog> skills) {
        this.titles = titles;
        this.skills = skills;
    }

    /** The bundled data's indexes; the JVM builds them once, thread-safely, when first touched. */
    private static final class Bundled {
        static final OccupationMatcher TITLES;
        static final SkillCatalog SKILLS;

        static {
            OnetData data = OnetData.bundled();
            TITLES = OccupationMatcher.of(data);
            SKILLS = SkillCatalog.build(data);
        }
    }

    @Override
    public String name() {
        return "onet-enricher";
    }

    @Override
    public List<OccupationMatch> matchOccupations(String title, String description, int limit) {
        return titles.get().match(title, description, limit);
    }

    @Override
    public List<SkillMatch> extractSkills(String text, int limit) {
        return skills.get().extract(text, limit);
    }

    /** Also takes a SOC 2018 detailed code ({@code 15-1252}) as its base O*NET-SOC occupation ({@code 15-1252.00}). */
    @Override
    public List<SkillMatch> skillsFor(String occupationCode, int limit) {
        String code = occupationCode == null ? "" : occupationCode.trim();
        return skills.get().forOccupation(SOC_CODE.matcher(code).matches() ? code + ".00" : code, limit);
    }
}
