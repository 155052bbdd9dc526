package org.jobpricing.server.plugins;

import java.time.LocalDate;
import java.util.List;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.MarketObservation;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.SourceType;

/** Misbehaving market-data sources, packed into a real plugin jar by the tests. */
public final class FaultySources {

    private FaultySources() {}

    static MarketObservation row(String occupation, Double p25, double p50, Double p75) {
        return new MarketObservation(
                "faulty",
                SourceType.SURVEY,
                occupation,
                "IC3",
                "US",
                null,
                "USD",
                PayPeriod.ANNUAL,
                LocalDate.of(2026, 1, 1),
                null,
                p25,
                p50,
                p75,
                null,
                100,
                20);
    }

    /** Fails outright. */
    public static final class Throwing implements MarketDataSource {
        @Override
        public String name() {
            return "throwing";
        }

        @Override
        public String description() {
            return "test source throwing";
        }

        @Override
        public SourceType type() {
            return SourceType.SURVEY;
        }

        @Override
        public FetchResult fetch(PluginContext context, String cursor) {
            throw new IllegalStateException("upstream is down");
        }
    }

    /** Never answers. */
    public static final class Hanging implements MarketDataSource {
        @Override
        public String name() {
            return "hanging";
        }

        @Override
        public String description() {
            return "test source hanging";
        }

        @Override
        public SourceType type() {
            return SourceType.SURVEY;
        }

        @Override
        public FetchResult fetch(PluginContext context, String cursor) throws InterruptedException {
            Thread.sleep(600_000);
            return new FetchResult(List.of(), List.of());
        }
    }

    /** Sends one good row and garbage: negative pay, NaN, inverted percentiles. */
    public static final class Garbage implements MarketDataSource {
        @Override
        public String name() {
            return "garbage";
        }

        @Override
        public String description() {
            return "test source garbage";
        }

        @Override
        public SourceType type() {
            return SourceType.SURVEY;
        }

        @Override
        public FetchResult fetch(PluginContext context, String cursor) {
            return new FetchResult(
                    List.of(
                            row("44-0001", null, 100000, null),
                            row("44-0002", null, -5, null),
                            row("44-0003", null, Double.NaN, null),
                            row("44-0004", 130000.0, 100000, 90000.0),
                            new MarketObservation(
                                    "faulty",
                                    SourceType.SURVEY,
                                    "44-0005",
                                    "IC3",
                                    "US",
                                    null,
                                    "USD",
                                    PayPeriod.ANNUAL,
                                    LocalDate.of(2999, 1, 1),
                                    null,
                                    null,
                                    100000.0,
                                    null,
                                    null,
                                    100,
                                    20)),
                    List.of());
        }
    }

    /**
     * Incremental: each run sends one row for the month after its cursor and returns that month as the
     * next cursor; every call appends a line to the file in setting {@code log} (to count runs across
     * servers) and, with setting {@code failAt}, throws when asked for that month.
     */
    public static final class Counting implements MarketDataSource {
        @Override
        public String name() {
            return "counting";
        }

        @Override
        public String description() {
            return "test source counting";
        }

        @Override
        public SourceType type() {
            return SourceType.SURVEY;
        }

        @Override
        public List<org.jobpricing.plugin.api.ConfigField> configSchema() {
            return List.of(org.jobpricing.plugin.api.ConfigField.required(
                    "log", org.jobpricing.plugin.api.ConfigField.Type.STRING, "file each call appends a line to"));
        }

        @Override
        public FetchResult fetch(PluginContext context, String cursor) throws java.io.IOException {
            int month = cursor == null ? 1 : Integer.parseInt(cursor) + 1;
            java.nio.file.Files.writeString(
                    java.nio.file.Path.of(context.get("log").orElseThrow()),
                    "run " + month + "\n",
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            if (context.get("failAt").map(f -> Integer.parseInt(f) == month).orElse(false)) {
                throw new java.io.IOException("month " + month + " is not available");
            }
            MarketObservation o = new MarketObservation(
                    "counting",
                    SourceType.SURVEY,
                    "46-0001",
                    "IC3",
                    "US",
                    null,
                    "USD",
                    PayPeriod.ANNUAL,
                    LocalDate.of(2020, 1, 1).plusMonths(month - 1),
                    null,
                    null,
                    100000.0 + month,
                    null,
                    null,
                    50,
                    10);
            return new FetchResult(List.of(o), List.of(), String.valueOf(month));
        }
    }
}
