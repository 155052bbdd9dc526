package org.jobpricing.server.resources;

import jakarta.servlet.http.HttpServletRequest;
import org.jobpricing.server.audit.AuditLog;

/** The audit origin of an HTTP request. */
final class Origins {

    private Origins() {}

    static AuditLog.Origin of(HttpServletRequest request) {
        return request == null
                ? AuditLog.Origin.INTERNAL
                : new AuditLog.Origin(request.getRemoteAddr(), request.getHeader("User-Agent"));
    }
}
