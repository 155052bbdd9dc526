package org.jobpricing.server.auth;

import static org.jobpricing.server.auth.Permissions.AI_USE;
import static org.jobpricing.server.auth.Permissions.ALL;
import static org.jobpricing.server.auth.Permissions.MARKET_DATA_READ;
import static org.jobpricing.server.auth.Permissions.MARKET_DATA_WRITE;
import static org.jobpricing.server.auth.Permissions.PLUGINS_MANAGE;
import static org.jobpricing.server.auth.Permissions.PLUGINS_READ;
import static org.jobpricing.server.auth.Permissions.POSTINGS_READ;
import static org.jobpricing.server.auth.Permissions.POSTINGS_WRITE;
import static org.jobpricing.server.auth.Permissions.PRICING_BATCH;
import static org.jobpricing.server.auth.Permissions.PRICING_CREATE;
import static org.jobpricing.server.auth.Permissions.PRICING_READ;
import static org.jobpricing.server.auth.Permissions.ROLES_ASSIGN;
import static org.jobpricing.server.auth.Permissions.RULES_CODE;
import static org.jobpricing.server.auth.Permissions.RULES_READ;
import static org.jobpricing.server.auth.Permissions.RULES_WRITE;
import static org.jobpricing.server.auth.Permissions.STRUCTURES_READ;

import java.util.Set;
import java.util.stream.Collectors;

/** The four roles and the permissions each grants. */
public enum Role {
    ADMIN(Set.copyOf(ALL)),
    HR_MANAGER(ALL.stream()
            .filter(p -> !p.startsWith("users:")
                    && !p.equals(ROLES_ASSIGN)
                    && !p.equals(PLUGINS_MANAGE)
                    && !p.equals(RULES_CODE))
            .collect(Collectors.toUnmodifiableSet())),
    HR_ANALYST(Set.of(
            PRICING_READ,
            PRICING_CREATE,
            PRICING_BATCH,
            MARKET_DATA_READ,
            MARKET_DATA_WRITE,
            RULES_READ,
            RULES_WRITE,
            PLUGINS_READ,
            AI_USE,
            STRUCTURES_READ,
            POSTINGS_READ,
            POSTINGS_WRITE)),
    VIEWER(Set.of(PRICING_READ, MARKET_DATA_READ, RULES_READ, PLUGINS_READ, STRUCTURES_READ, POSTINGS_READ));

    private final Set<String> permissions;

    Role(Set<String> permissions) {
        this.permissions = permissions;
    }

    public Set<String> permissions() {
        return permissions;
    }

    public boolean grants(String permission) {
        return permissions.contains(permission);
    }
}
