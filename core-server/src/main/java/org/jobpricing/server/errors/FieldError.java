package org.jobpricing.server.errors;

/** A detail of a 400: which request field is wrong and why. */
public record FieldError(String field, String message) {}
