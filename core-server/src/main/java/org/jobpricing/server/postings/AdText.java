package org.jobpricing.server.postings;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a job ad's text for what pay-transparency laws look for: the pay figures it states (ranges,
 * single figures and open-ended ones such as "$120k+" or "up to $150,000"), a description of
 * benefits, and an application deadline with a date.
 */
public final class AdText {

    /** A pay figure or range found in the text; min or max is null when the figure is open-ended. */
    public record Figure(String text, Double min, Double max, String currency, String period, boolean openEnded) {}

    private static final Map<String, String> SYMBOLS = Map.of("$", "USD", "€", "EUR", "£", "GBP");
    private static final String CODES = "USD|EUR|GBP|CAD|CHF|PLN|SEK|DKK|CZK|HUF|RON";
    private static final Pattern AMOUNT = Pattern.compile("(?<pre>[$€£]\\s?|\\b(?:" + CODES + ")\\s?)?"
            + "(?<num>\\d{1,3}(?:[,.\u00a0\u202f ]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)"
            + "(?<k>\\s?[kK](?![a-zA-Z]))?"
            + "(?<post>\\s?(?:€|\\b(?:" + CODES + ")\\b))?");
    private static final Pattern BETWEEN = Pattern.compile("\\s*(?:-|–|—|to|and|bis)\\s*");
    private static final Pattern BIG = Pattern.compile("^\\s*(?:m\\b|mm\\b|million|bn\\b|billion|b\\b|%|percent)");
    private static final Pattern OPEN_BEFORE = Pattern.compile(
            "(?:up to|starting at|starts at|starting from|from|at least|minimum of|minimum|min\\.|in excess of|over|"
                    + "more than|upwards of|as much as|no less than)\\s*$");
    private static final Pattern OPEN_AFTER =
            Pattern.compile("^\\s*(?:\\+|and up\\b|or more\\b|and above\\b|plus\\b|or higher\\b)");
    private static final Pattern NOT_PAY =
            Pattern.compile("bonus|stipend|signing|sign-on|relocation|allowance|reimburs|funding|raised|revenue|budget|"
                    + "valuation|customers|users|series [a-e]|fund\\b|referral");
    private static final Pattern HOURLY =
            Pattern.compile("^[^.;\\n]{0,25}?(?:per hour|/\\s?hr\\b|/\\s?hour|an hour|hourly|" + "p/h\\b|pro stunde)");
    private static final Pattern MONTHLY =
            Pattern.compile("^[^.;\\n]{0,25}?(?:per month|/\\s?month|/\\s?mo\\b|a month|monthly|brutto monatlich|"
                    + "par mois|al mese|pro monat)");
    private static final Pattern BENEFITS = Pattern.compile(
            "benefit|health insurance|medical|dental|vision|401\\s?\\(?k\\)?|retirement|pension|paid time off|\\bpto\\b|"
                    + "vacation|parental leave|life insurance|disability insurance|health savings|\\bhsa\\b");
    private static final String MONTHS =
            "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?"
                    + "(?:,?\\s+\\d{4})?";
    private static final String DATES =
            "(?:" + MONTHS + "|\\d{1,2}\\s+" + "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
                    + "[a-z]*\\.?(?:\\s+\\d{4})?|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{2,4})";
    private static final Pattern DEADLINE = Pattern.compile("(?:apply by|applications? (?:close|closes|are due|due)|"
            + "application deadline|deadline to apply|deadline|accepting applications (?:until|through)|"
            + "(?:will )?accept applications (?:until|through)|applications will be accepted (?:until|through)|"
            + "posting closes|window (?:closes|will close)|"
            + "closing date|apply before|open until|accepted through|accepted until)[^.]{0,40}?" + DATES);

    private final String text;
    private final String lower;

    AdText(String text) {
        this.text = text;
        this.lower = text.toLowerCase(Locale.ROOT);
    }

    boolean mentionsBenefits() {
        return BENEFITS.matcher(lower).find();
    }

    boolean statesDeadline() {
        return DEADLINE.matcher(lower).find();
    }

    /** Every pay figure or range, in text order. */
    List<Figure> figures() {
        List<Token> tokens = tokens();
        List<Figure> out = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            if (b != null
                    && BETWEEN.matcher(text.substring(a.end, b.start)).matches()
                    && (a.currency != null || b.currency != null)) {
                double min = a.value;
                double max = b.value;
                // "$120-150k": the k of one side is the k of both
                if (b.thousands && !a.thousands && min < 1000) {
                    min *= 1000;
                }
                if (a.thousands && !b.thousands && max < 1000) {
                    max *= 1000;
                }
                String currency = a.currency != null ? a.currency : b.currency;
                if (!notPay(a.start, b.end)) {
                    out.add(new Figure(
                            text.substring(a.start, b.end).strip(), min, max, currency, period(b.end), false));
                }
                i++;
                continue;
            }
            if (a.currency == null || notPay(a.start, a.end)) {
                continue;
            }
            String before = lower.substring(Math.max(0, a.start - 24), a.start);
            String after = lower.substring(a.end, Math.min(lower.length(), a.end + 16));
            boolean openBelow = OPEN_BEFORE.matcher(before).find();
            boolean openAbove = OPEN_AFTER.matcher(after).find();
            boolean upTo = before.matches("(?s).*(?:up to|as much as)\\s*$");
            if (openBelow || openAbove) {
                out.add(new Figure(
                        text.substring(a.start, a.end).strip() + (openAbove ? "+" : ""),
                        upTo ? null : a.value,
                        upTo ? a.value : null,
                        a.currency,
                        period(a.end),
                        true));
            } else {
                out.add(new Figure(
                        text.substring(a.start, a.end).strip(), a.value, a.value, a.currency, period(a.end), false));
            }
        }
        return out;
    }

    private record Token(int start, int end, double value, String currency, boolean thousands) {}

    private List<Token> tokens() {
        List<Token> tokens = new ArrayList<>();
        Matcher m = AMOUNT.matcher(text);
        while (m.find()) {
            if (m.group("num") == null || m.group().isBlank()) {
                continue;
            }
            int end = m.end();
            if (BIG.matcher(lower.substring(end)).find()) {
                continue;
            }
            // a number glued to letters or to a "(" is no amount: 401(k), Q3, 2nd
            if (m.start() > 0 && Character.isLetter(text.charAt(m.start() - 1)) && m.group("pre") == null) {
                continue;
            }
            if (end < text.length() && text.charAt(end) == '(') {
                continue;
            }
            String currency = currency(m.group("pre"), m.group("post"));
            boolean thousands = m.group("k") != null;
            double value = number(m.group("num")) * (thousands ? 1000 : 1);
            tokens.add(new Token(m.start(), end, value, currency, thousands));
        }
        return tokens;
    }

    /** True when the clause the figure is in speaks of a bonus, a stipend, funding and the like, not of pay. */
    private boolean notPay(int start, int end) {
        int from = Math.max(
                Math.max(lower.lastIndexOf(". ", start), lower.lastIndexOf(';', start)),
                Math.max(lower.lastIndexOf("\n\n", start), lower.lastIndexOf(", ", start)));
        int to = lower.length();
        // a clause ends at a sentence, a semicolon, a comma or a blank line (a single line break is wrapping)
        for (String stop : new String[] {". ", ";", "\n\n", ", "}) {
            int at = lower.indexOf(stop, end);
            if (at >= 0 && at < to) {
                to = at;
            }
        }
        return NOT_PAY.matcher(lower.substring(Math.max(0, from), to)).find();
    }

    private String period(int end) {
        String after = lower.substring(end, Math.min(lower.length(), end + 40));
        if (HOURLY.matcher(after).find()) {
            return "HOURLY";
        }
        return MONTHLY.matcher(after).find() ? "MONTHLY" : "ANNUAL";
    }

    private static String currency(String pre, String post) {
        String c = pre != null ? pre.strip() : post != null ? post.strip() : null;
        if (c == null || c.isEmpty()) {
            return null;
        }
        return SYMBOLS.getOrDefault(c, c.toUpperCase(Locale.ROOT));
    }

    /** 120,000 / 55.000 / 45.50 / 1 234: a separator before exactly 3 digits groups thousands. */
    static double number(String raw) {
        String s = raw.replace('\u00a0', ' ').replace('\u202f', ' ');
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isDigit(c)) {
                digits.append(c);
            } else {
                int rest = s.length() - i - 1;
                boolean grouping = rest >= 3
                        && s.substring(i + 1, i + 4).chars().allMatch(Character::isDigit)
                        && (rest == 3 || !Character.isDigit(s.charAt(i + 4)));
                digits.append(grouping ? "" : ".");
            }
        }
        return Double.parseDouble(digits.toString());
    }
}
