package org.jobpricing.server.api;

import java.util.List;

/** The one error shape of every endpoint. */
public record ErrorResponse(int code, String error, String message, List<?> details) {}
