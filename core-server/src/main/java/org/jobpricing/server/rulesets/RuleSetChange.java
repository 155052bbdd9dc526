package org.jobpricing.server.rulesets;

import java.util.List;
import org.jobpricing.server.rules.RuleSource;

/**
 * An edit of a rule set: the files uploaded (added or replaced), the files deleted on purpose, and the
 * version it is based on (null: the active one). A new version is its parent with this edit applied,
 * so uploading one edited table changes that table alone.
 */
public record RuleSetChange(Integer parent, List<RuleSource> files, List<String> delete, String message) {

    public RuleSetChange {
        files = files == null ? List.of() : List.copyOf(files);
        delete = delete == null ? List.of() : List.copyOf(delete);
    }
}
