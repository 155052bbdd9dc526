package org.jobpricing.server.core;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jobpricing.server.api.PricingRequest;
import org.jobpricing.server.failures.CannotPriceException;
import org.jobpricing.server.failures.FieldError;
import org.jobpricing.server.failures.InvalidInputException;

/** Turns a validated pricing request into a {@link JobSpec}: upper-case codes, default currency and date. */
public final class JobSpecs {

    private JobSpecs() {}

    public static JobSpec of(PricingRequest r, Clock clock) {
        String country = upper(r.country());
        String currency = r.currency() != null ? upper(r.currency()) : defaultCurrency(country);
        if (r.occupationCode() == null || r.occupationCode().isBlank()) {
            throw new CannotPriceException(
                    "OCCUPATION_NOT_RESOLVED",
                    "occupationCode is required: no occupation enricher is installed to map the title",
                    List.of(new FieldError("occupationCode", "is required when no enricher can map the title")));
        }
        LocalDate asOf = r.asOf() != null ? r.asOf() : LocalDate.now(clock);
        return new JobSpec(
                r.title().strip(),
                r.occupationCode().strip(),
                upper(r.level()),
                country,
                r.area() == null || r.area().isBlank() ? null : upper(r.area()),
                currency,
                asOf,
                distinctSkills(r.skills()));
    }

    private static String defaultCurrency(String country) {
        Currency currency;
        try {
            currency = Currency.getInstance(new Locale("", country));
        } catch (IllegalArgumentException e) {
            currency = null;
        }
        if (currency == null) {
            throw new InvalidInputException(
                    "INVALID_REQUEST",
                    "country " + country + " has no default currency",
                    List.of(new FieldError("currency", "is required for country " + country)));
        }
        return currency.getCurrencyCode();
    }

    /** Distinct skills, compared ignoring case and surrounding spaces; the first spelling is kept. */
    private static List<String> distinctSkills(List<String> skills) {
        Map<String, String> distinct = new LinkedHashMap<>();
        if (skills != null) {
            skills.forEach(s -> distinct.putIfAbsent(s.strip().toLowerCase(Locale.ROOT), s.strip()));
        }
        return new ArrayList<>(distinct.values());
    }

    private static String upper(String value) {
        return value == null ? null : value.strip().toUpperCase(Locale.ROOT);
    }
}
