package org.jobpricing.server.postings;

import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.postings.Posting.Location;
import org.jobpricing.server.rules.RuleEngine;
import org.jobpricing.server.structures.PayPolicy;

/**
 * Checks a job ad against the pay-transparency requirements of its work locations (the
 * posting-requirements table): it names, per jurisdiction, what is required and missing: no range,
 * an open-ended range, no description of benefits, no application deadline, a range in another
 * currency than the jurisdiction's.
 */
public final class PostingChecker {

    /** What a jurisdiction requires and the ad lacks, with the requirement row it comes from. */
    public record Finding(
            String location,
            String jurisdiction,
            String name,
            String law,
            String code,
            String message,
            PayPolicy.Rule rule) {}

    /** A jurisdiction found for a location, and whether it binds an employer of this size. */
    public record Applies(String location, PayPolicy.Jurisdiction jurisdiction, boolean required) {}

    /** What the ad states, which jurisdictions apply, and what each of them misses. */
    public record Result(
            List<AdText.Figure> figures,
            boolean benefits,
            boolean deadline,
            List<Applies> jurisdictions,
            List<Location> unregulated,
            List<Finding> findings,
            String rulesetVersion) {
        public boolean compliant() {
            return findings.isEmpty();
        }
    }

    private final RuleEngine engine;

    public PostingChecker(RuleEngine engine) {
        this.engine = engine;
    }

    public Result check(String text, List<Location> locations, Integer employees) {
        PayPolicy policy = new PayPolicy(engine.active());
        AdText ad = new AdText(text);
        List<AdText.Figure> figures = ad.figures();
        boolean benefits = ad.mentionsBenefits();
        boolean deadline = ad.statesDeadline();
        List<AdText.Figure> closed =
                figures.stream().filter(f -> !f.openEnded()).toList();
        List<Applies> applies = new ArrayList<>();
        List<Location> unregulated = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Location location : locations) {
            List<PayPolicy.Jurisdiction> found =
                    policy.jurisdictions(location.country(), location.region(), location.city());
            if (found.isEmpty()) {
                unregulated.add(location);
            }
            for (PayPolicy.Jurisdiction j : found) {
                boolean required = employees == null || employees >= j.minEmployees();
                applies.add(new Applies(location.label(), j, required));
                if (!required) {
                    continue;
                }
                String at = location.label();
                if (figures.isEmpty()) {
                    findings.add(finding(at, j, "NO_RANGE", "states no pay range; " + j.law() + " requires one"));
                } else if (closed.isEmpty()) {
                    findings.add(finding(
                            at,
                            j,
                            "OPEN_ENDED_RANGE",
                            "states only an open-ended figure ("
                                    + figures.get(0).text() + "); " + j.law() + " requires a minimum and a maximum"));
                } else if (j.currency() != null
                        && closed.stream().noneMatch(f -> j.currency().equals(f.currency()))) {
                    findings.add(finding(
                            at,
                            j,
                            "WRONG_CURRENCY",
                            "states pay in " + closed.get(0).currency() + ", not in " + j.currency()));
                }
                if (j.benefitsRequired() && !benefits) {
                    findings.add(finding(
                            at,
                            j,
                            "NO_BENEFITS",
                            "does not describe benefits and other compensation, which " + j.law() + " requires"));
                }
                if (j.deadlineRequired() && !deadline) {
                    findings.add(finding(
                            at,
                            j,
                            "NO_DEADLINE",
                            "does not state the date applications close, which " + j.law() + " requires"));
                }
            }
        }
        return new Result(figures, benefits, deadline, applies, unregulated, findings, policy.version());
    }

    private static Finding finding(String at, PayPolicy.Jurisdiction j, String code, String message) {
        return new Finding(at, j.code(), j.name(), j.law(), code, "The ad " + message + ".", j.rule());
    }
}
