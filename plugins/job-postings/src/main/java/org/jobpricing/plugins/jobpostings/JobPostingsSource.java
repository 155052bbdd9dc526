package org.jobpricing.plugins.jobpostings;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jobpricing.plugin.api.CheckResult;
import org.jobpricing.plugin.api.ConfigField;
import org.jobpricing.plugin.api.FetchResult;
import org.jobpricing.plugin.api.MarketDataSource;
import org.jobpricing.plugin.api.PluginContext;
import org.jobpricing.plugin.api.Problem;
import org.jobpricing.plugin.api.SourceType;
import org.pf4j.Extension;

/**
 * POSTINGS observations aggregated month by month from an HTTP JSON job-postings API.
 *
 * <p>The API: {@code GET {baseUrl}/postings?from=YYYY-MM-DD&to=YYYY-MM-DD&page=N} (pages from 1, dates
 * inclusive, header {@code X-API-Key: <apiKey>} when a key is configured) answers
 * <pre>{@code
 * {"postings": [{"id": "p-1", "title": "Senior Software Engineer", "company": "Acme",
 *                "salaryMin": 150000, "salaryMax": 180000, "currency": "USD",
 *                "period": "ANNUAL|MONTHLY|HOURLY", "postedDate": "2026-01-14",
 *                "location": "US" or "US-NYC"}],
 *  "nextPage": 2}
 * }</pre>
 * with {@code nextPage} null or absent on the last page. 429 and 5xx answers are retried by the host's
 * client, honouring Retry-After.
 *
 * <p>A run aggregates the complete months after its cursor (the last month aggregated, {@code YYYY-MM};
 * on the first run the last {@code lookbackMonths}), never the current month, so each month is emitted
 * once. Titles map to occupations and levels by {@link TitleMapper}; observations are grouped by
 * {@link PostingsAggregator}.
 */
@Extension
public class JobPostingsSource implements MarketDataSource {

    @Override
    public String name() {
        return "job-postings";
    }

    @Override
    public String description() {
        return "Monthly pay percentiles of job postings read from an HTTP JSON postings API";
    }

    @Override
    public SourceType type() {
        return SourceType.POSTINGS;
    }

    @Override
    public List<ConfigField> configSchema() {
        return Settings.SCHEMA;
    }

    /** Validates the configuration and the title map, then reads page 1 of the current month. */
    @Override
    public CheckResult check(PluginContext context) throws InterruptedException {
        List<Problem> problems = Settings.problems(context.config());
        if (!problems.isEmpty()) {
            return CheckResult.failed("configuration invalid", problems);
        }
        Settings settings = Settings.of(context);
        try {
            settings.titleMapper();
        } catch (TitleMapper.TitleMapException e) {
            return CheckResult.failed("titleMap invalid", e.problems());
        } catch (IOException e) {
            return CheckResult.failed("titleMap unreadable: " + e.getMessage());
        }
        LocalDate today = LocalDate.now(context.clock());
        try {
            PostingsPage page = client(context, settings).page(today.withDayOfMonth(1), today, 1);
            return CheckResult.ok("reachable, " + page.postings().size() + " postings on page 1");
        } catch (IOException e) {
            return CheckResult.failed("not readable: " + e.getMessage());
        }
    }

    @Override
    public FetchResult fetch(PluginContext context, String cursor) throws IOException, InterruptedException {
        if (context.get("baseUrl").isEmpty()) {
            return new FetchResult(
                    List.of(), List.of(new Problem(0, "baseUrl", "not configured; nothing to read")), cursor);
        }
        Settings settings = Settings.of(context);
        TitleMapper titles = settings.titleMapper();
        LocalDate today = LocalDate.now(context.clock());
        Optional<MonthWindow> window = MonthWindow.after(cursor, today, settings.lookbackMonths());
        if (window.isEmpty()) {
            context.logger().info("no month completed since {}; nothing to read", cursor);
            return new FetchResult(List.of(), List.of(), cursor);
        }
        MonthWindow months = window.get();
        List<Posting> postings = client(context, settings).postings(months.from(), months.to());
        FetchResult result = new PostingsAggregator(titles, settings.minPostings()).aggregate(postings, months);
        context.logger()
                .info(
                        "{} postings dated {}..{} read, {} observations",
                        postings.size(),
                        months.from(),
                        months.to(),
                        result.observations().size());
        return result;
    }

    private static PostingsClient client(PluginContext context, Settings settings) {
        return new PostingsClient(context.http(), settings.baseUrl(), settings.apiKey());
    }
}
