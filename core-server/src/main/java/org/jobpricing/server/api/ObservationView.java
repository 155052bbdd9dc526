package org.jobpricing.server.api;

import java.time.Instant;
import java.time.LocalDate;
import org.jobpricing.plugin.api.PayPeriod;
import org.jobpricing.plugin.api.SourceType;

/** A stored market observation as the API shows it. */
public record ObservationView(
        String sourceId,
        SourceType sourceType,
        String occupationCode,
        String level,
        String country,
        String area,
        String currency,
        PayPeriod period,
        LocalDate effectiveDate,
        Double p10,
        Double p25,
        Double p50,
        Double p75,
        Double p90,
        int sampleSize,
        Integer orgCount,
        String origin,
        Instant loadedAt) {}
