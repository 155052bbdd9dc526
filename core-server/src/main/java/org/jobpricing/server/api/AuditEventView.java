package org.jobpricing.server.api;

import java.time.Instant;

/** One audit event as the API shows it. */
public record AuditEventView(
        long id,
        Instant at,
        String actor,
        String action,
        String resource,
        String outcome,
        String ip,
        String userAgent,
        String details) {}
