package org.jobpricing.server.failures;

/** A detail of a 400: which request field is wrong and why. */
public record FieldError(String field, String message) {}
