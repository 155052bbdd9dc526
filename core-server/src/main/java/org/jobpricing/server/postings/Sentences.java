package org.jobpricing.server.postings;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import org.jobpricing.server.structures.PayPolicy;

/**
 * The ready sentence of a posting range, e.g. "The pay range for this role in New York City is
 * $148,500–$185,500 per year.", plus what the jurisdiction asks for besides the range (benefits and
 * other pay, the application deadline).
 */
final class Sentences {

    private static final Map<String, String> SYMBOLS = Map.of("USD", "$", "EUR", "€", "GBP", "£", "JPY", "¥");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

    private Sentences() {}

    static String of(
            PayPolicy.Jurisdiction j,
            String currency,
            String period,
            double min,
            double max,
            PostingService.RangeCommand command) {
        String per = switch (period) {
            case "HOURLY" -> "per hour";
            case "MONTHLY" -> "per month";
            default -> "per year";
        };
        boolean hourly = period.equals("HOURLY");
        String figures = min == max
                ? money(min, currency, hourly)
                : money(min, currency, hourly) + "–" + money(max, currency, hourly);
        StringBuilder s = new StringBuilder();
        if (j.code().equals("EU")) {
            s.append("The starting pay for this role in ")
                    .append(j.name())
                    .append(min == max ? " is " : " is in the range ")
                    .append(figures)
                    .append(' ')
                    .append(per)
                    .append(", set from objective, gender-neutral criteria.");
        } else {
            s.append("The pay range for this role in ")
                    .append(j.name())
                    .append(" is ")
                    .append(figures)
                    .append(' ')
                    .append(per)
                    .append('.');
        }
        if (j.benefitsRequired()
                && command.benefits() != null
                && !command.benefits().isBlank()) {
            String benefits = command.benefits().strip();
            s.append(" Benefits and other compensation: ").append(benefits);
            if (!benefits.endsWith(".")) {
                s.append('.');
            }
        }
        if (j.deadlineRequired() && command.applicationDeadline() != null) {
            s.append(" Apply by ")
                    .append(DATE.format(command.applicationDeadline()))
                    .append('.');
        }
        return s.toString();
    }

    /** $148,500 / $71.39 / PLN 120,000. */
    static String money(double amount, String currency, boolean cents) {
        DecimalFormat format =
                new DecimalFormat(cents ? "#,##0.00" : "#,##0", DecimalFormatSymbols.getInstance(Locale.US));
        String number = format.format(BigDecimal.valueOf(amount).setScale(cents ? 2 : 0, RoundingMode.HALF_UP));
        String symbol = SYMBOLS.get(currency);
        return symbol != null ? symbol + number : currency + " " + number;
    }
}
