package org.jobpricing.bench;

import java.time.LocalDate;
import java.util.List;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;
import org.jobpricing.server.core.FxLookup;
import org.jobpricing.server.core.InMemoryFxRates;
import org.jobpricing.server.core.JobSpec;
import org.jobpricing.server.db.FxRateDao;

/** The two worked examples of docs/pricing-method.md (§9, §10): job, observations, FX rates and the band. */
final class WorkedExamples {

    /** One example and the figures the method document gives for it. */
    record Example(String name, JobSpec job, List<MarketObservation> observations, FxLookup fx, double bandMin,
                   double bandMid, double bandMax, int confidence) {
    }

    private WorkedExamples() {
    }

    /** §9: US, three sources (a survey, postings and government data), all USD, annual. */
    static Example us() {
        JobSpec job = new JobSpec("Software Engineer", "15-1252", "IC3", "US", null, "USD", LocalDate.of(2026, 7, 1),
                List.of("Kubernetes", "Java"));
        List<MarketObservation> observations = List.of(
                new MarketObservation("acme-survey-2025", SourceType.SURVEY, "15-1252", "IC3", "US", null, "USD",
                        PayPeriod.ANNUAL, LocalDate.of(2025, 7, 1), 95000.0, 110000.0, 128000.0, 147000.0, 165000.0,
                        120, 40),
                new MarketObservation("postings-q2", SourceType.POSTINGS, "15-1252", "IC3", "US", null, "USD",
                        PayPeriod.ANNUAL, LocalDate.of(2026, 4, 1), null, 115000.0, 132000.0, 150000.0, null, 45,
                        null),
                new MarketObservation("oews-2025", SourceType.GOVERNMENT, "15-1252", null, "US", null, "USD",
                        PayPeriod.ANNUAL, LocalDate.of(2025, 5, 1), 79850.0, 103550.0, 133080.0, 167540.0, 208620.0,
                        1500, null));
        return new Example("us-three-sources", job, observations, new InMemoryFxRates(List.of()), 112000, 140000,
                168000, 88);
    }

    /** §10: Singapore, monthly postings in SGD, an annual USD survey converted with FX, one exclusion. */
    static Example singapore() {
        JobSpec job = new JobSpec("Data Analyst", "2521", "IC2", "SG", null, "SGD", LocalDate.of(2026, 7, 1),
                List.of("SQL", "machine learning"));
        List<MarketObservation> observations = List.of(
                new MarketObservation("mcf-postings", SourceType.POSTINGS, "2521", "IC2", "SG", null, "SGD",
                        PayPeriod.MONTHLY, LocalDate.of(2026, 5, 15), null, 4800.0, 5500.0, 6400.0, null, 4, null),
                new MarketObservation("mcf-postings-b", SourceType.POSTINGS, "2521", "IC2", "SG", null, "SGD",
                        PayPeriod.MONTHLY, LocalDate.of(2026, 3, 20), 4200.0, 4900.0, 5600.0, 6500.0, 7600.0, 32,
                        null),
                new MarketObservation("regional-survey", SourceType.SURVEY, "2521", "IC2", "SG", null, "USD",
                        PayPeriod.ANNUAL, LocalDate.of(2025, 10, 1), 42000.0, 48000.0, 54000.0, 61000.0, 69000.0, 64,
                        18));
        FxLookup fx = new InMemoryFxRates(List.of(
                new FxRateDao.Row(LocalDate.of(2026, 1, 2), "USD", "SGD", 1.31, null),
                new FxRateDao.Row(LocalDate.of(2026, 6, 30), "USD", "SGD", 1.35, null)));
        return new Example("sg-fx-exclusion", job, observations, fx, 65500, 78600, 91600, 60);
    }
}
