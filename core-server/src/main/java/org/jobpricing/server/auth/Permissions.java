package org.jobpricing.server.auth;

import java.util.List;

/** The permission names resources declare with {@code @RolesAllowed}. */
public final class Permissions {

    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String USERS_DELETE = "users:delete";
    public static final String ROLES_ASSIGN = "roles:assign";
    public static final String PRICING_READ = "pricing:read";
    public static final String PRICING_CREATE = "pricing:create";
    public static final String PRICING_BATCH = "pricing:batch";
    public static final String MARKET_DATA_READ = "market-data:read";
    public static final String MARKET_DATA_WRITE = "market-data:write";
    public static final String MARKET_DATA_REFRESH = "market-data:refresh";
    public static final String RULES_READ = "rules:read";
    public static final String RULES_WRITE = "rules:write";
    public static final String RULES_PUBLISH = "rules:publish";
    /** Changing DRL files or the machinery lines of a decision table: code that runs in the server. */
    public static final String RULES_CODE = "rules:code";

    public static final String PLUGINS_READ = "plugins:read";
    public static final String PLUGINS_MANAGE = "plugins:manage";
    public static final String AI_USE = "ai:use";
    public static final String AUDIT_READ = "audit:read";
    public static final String STRUCTURES_READ = "structures:read";
    public static final String STRUCTURES_WRITE = "structures:write";
    public static final String POSTINGS_READ = "postings:read";
    /** Working out posting ranges, which stores each range with the criteria it came from. */
    public static final String POSTINGS_WRITE = "postings:write";
    /** Employee pay: snapshots, individual rows (audited), aggregates and the pay-gap report. */
    public static final String EMPLOYEES_READ = "employees:read";
    /** Employee pay: roster imports, erasure, pay-gap justifications. */
    public static final String EMPLOYEES_WRITE = "employees:write";
    /** Any signed-in user acting on their own account (not one of the 24 grantable permissions). */
    public static final String SELF = "self";

    public static final List<String> ALL = List.of(
            USERS_READ,
            USERS_WRITE,
            USERS_DELETE,
            ROLES_ASSIGN,
            PRICING_READ,
            PRICING_CREATE,
            PRICING_BATCH,
            MARKET_DATA_READ,
            MARKET_DATA_WRITE,
            MARKET_DATA_REFRESH,
            RULES_READ,
            RULES_WRITE,
            RULES_PUBLISH,
            RULES_CODE,
            PLUGINS_READ,
            PLUGINS_MANAGE,
            AI_USE,
            AUDIT_READ,
            STRUCTURES_READ,
            STRUCTURES_WRITE,
            POSTINGS_READ,
            POSTINGS_WRITE,
            EMPLOYEES_READ,
            EMPLOYEES_WRITE);

    private Permissions() {}
}
