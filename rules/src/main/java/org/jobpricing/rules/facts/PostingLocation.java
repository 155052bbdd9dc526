package org.jobpricing.rules.facts;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A work location of a job posting (country, state or region, city) and the pay-transparency
 * jurisdictions the requirements table finds for it, each with what a posting there must contain.
 * One row of the table is one jurisdiction: its first action opens it, the next ones fill it in.
 */
public final class PostingLocation {

    /** What one jurisdiction requires of a posting. Numbers are null when the table leaves them empty. */
    public static final class Requirement {
        private final String code;
        private String name;
        private String law;
        private Integer minEmployees;
        private boolean benefitsRequired;
        private boolean deadlineRequired;
        private String currency;
        private String periods;

        Requirement(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public String name() {
            return name == null ? code : name;
        }

        public String law() {
            return law;
        }

        public Integer minEmployees() {
            return minEmployees;
        }

        public boolean benefitsRequired() {
            return benefitsRequired;
        }

        public boolean deadlineRequired() {
            return deadlineRequired;
        }

        /** The currency a range must be stated in there; null or * = any. */
        public String currency() {
            return currency;
        }

        /** The pay periods a range may be stated per, space-separated (ANNUAL HOURLY); null = any. */
        public String periods() {
            return periods;
        }
    }

    private final String country;
    private final String region;
    private final String city;
    private final Trace trace;
    private final List<Requirement> requirements = new ArrayList<>();

    public PostingLocation(String country, String region, String city, Trace trace) {
        this.country = country;
        this.region = region;
        this.city = city;
        this.trace = trace;
    }

    public String getCountry() {
        return country;
    }

    public String getRegion() {
        return region;
    }

    public String getCity() {
        return city;
    }

    /** Table lookup: true for {@code *} or the location's country. */
    public boolean inCountry(String code) {
        return PricingJob.ANY.equals(code) || code.equals(country);
    }

    /** Table lookup: true for {@code *} or the location's state or region (e.g. CO), ignoring case. */
    public boolean inRegion(String code) {
        return PricingJob.ANY.equals(code) || code.equalsIgnoreCase(region == null ? "" : region.strip());
    }

    /** Table lookup: true for {@code *} or the location's city, ignoring case and outer spaces. */
    public boolean inCity(String name) {
        return PricingJob.ANY.equals(name)
                || name.toLowerCase(Locale.ROOT)
                        .equals(city == null ? "" : city.strip().toLowerCase(Locale.ROOT));
    }

    /** Opens a jurisdiction that applies at this location; the following actions of the row fill it in. */
    public void addJurisdiction(String code) {
        trace.note("jurisdiction -> {code}").word("code", code);
        requirements.add(new Requirement(code));
    }

    public void setName(String name) {
        open().name = name;
    }

    public void setLaw(String law) {
        open().law = law;
    }

    public void setMinEmployees(double value) {
        open().minEmployees = (int) Math.round(value);
    }

    public void setBenefitsRequired(double value) {
        open().benefitsRequired = value != 0;
    }

    public void setDeadlineRequired(double value) {
        open().deadlineRequired = value != 0;
    }

    public void setCurrency(String code) {
        open().currency = code;
    }

    public void setPeriods(String periods) {
        open().periods = periods;
    }

    /** The jurisdictions found, in table order. */
    public List<Requirement> requirements() {
        return List.copyOf(requirements);
    }

    private Requirement open() {
        if (requirements.isEmpty()) {
            throw new IllegalStateException("a posting requirement row must start with its jurisdiction");
        }
        return requirements.get(requirements.size() - 1);
    }
}
