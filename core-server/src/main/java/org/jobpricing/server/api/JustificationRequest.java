package org.jobpricing.server.api;

/** A justification of a flagged pay-gap category; an empty {@code justification} withdraws it. */
public record JustificationRequest(Long snapshot, String category, String justification) {}
