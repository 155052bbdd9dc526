package org.jobpricing.plugin.api;

/** The period a pay figure is quoted for; the rules annualise it. */
public enum PayPeriod {
    ANNUAL,
    MONTHLY,
    HOURLY
}
