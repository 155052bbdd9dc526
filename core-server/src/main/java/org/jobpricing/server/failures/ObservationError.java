package org.jobpricing.server.failures;

/** A detail of a 422: which market observation (by source id and type) made the quote fail, and why. */
public record ObservationError(String sourceId, String sourceType, String message) {}
