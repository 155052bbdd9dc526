package org.jobpricing.server.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/** A job to price (pricing method §1). */
public record PricingRequest(
        @NotBlank @Size(max = 200) String title,

        @Pattern(regexp = "[A-Za-z0-9._-]{1,20}", message = "must be 1-20 letters, digits and . _ - such as 15-1252")
        String occupationCode,

        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]{1,20}", message = "must be a level code such as IC3")
        String level,

        @NotBlank @IsoCountry String country,

        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "must be an area code such as US-NYC")
        String area,

        @IsoCurrency String currency,
        LocalDate asOf,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> skills,
        @Size(max = 20000) String description) {}
