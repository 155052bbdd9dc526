package org.jobpricing.server.core;

import java.time.LocalDate;
import java.util.List;

/** A pricing request after defaults and normalisation: upper-case codes, currency and as-of date filled in. */
public record JobSpec(
        String title,
        String occupationCode,
        String level,
        String country,
        String area,
        String currency,
        LocalDate asOf,
        List<String> skills) {}
