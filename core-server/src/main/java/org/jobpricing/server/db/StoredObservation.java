package org.jobpricing.server.db;

import java.time.Instant;
import org.jobpricing.plugin.api.MarketObservation;

/** A market observation as stored: where it came from and when it was loaded. */
public record StoredObservation(MarketObservation observation, String origin, Instant loadedAt) {}
