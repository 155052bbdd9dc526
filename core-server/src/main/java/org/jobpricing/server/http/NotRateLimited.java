package org.jobpricing.server.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that no rate limit applies to: probes (liveness) that a load balancer or an
 * orchestrator sends from one address many times a minute, where a 429 would take the server out.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NotRateLimited {}
