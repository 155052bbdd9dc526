package org.jobpricing.server;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.util.function.UnaryOperator;
import org.apache.commons.text.StringSubstitutor;

/**
 * Fills config.yml's {@code ${VAR:-default}} from the environment, escaping each value for a YAML
 * double-quoted string: config.yml quotes every text setting, so a password or a cron expression keeps
 * its {@code *}, {@code !}, {@code #}, {@code : }, quotes and backslashes instead of breaking the YAML
 * (an unquoted cron expression starting with {@code *} is a YAML alias, a {@code #} starts a comment).
 */
final class ConfigSubstitutor extends StringSubstitutor {

    /** {@code lookup}: a variable's value, or null when it is not set (then the default applies). */
    ConfigSubstitutor(UnaryOperator<String> lookup) {
        super(key -> {
            String value = lookup.apply(key);
            return value == null
                    ? null
                    : new String(JsonStringEncoder.getInstance().quoteAsString(value));
        });
        // a value is taken as it is: a "${" inside a password is not another variable
        setDisableSubstitutionInValues(true);
    }

    /** Reads the process environment, as the server does. */
    static ConfigSubstitutor environment() {
        return new ConfigSubstitutor(System::getenv);
    }
}
