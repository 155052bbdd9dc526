package org.jobpricing.server.rules;

import java.util.List;
import org.kie.api.KieBase;

/** A compiled, immutable rule set: the KieBase, the files it came from and their version. */
public record CompiledRuleSet(String version, List<RuleSource> sources, KieBase kieBase) {
}
