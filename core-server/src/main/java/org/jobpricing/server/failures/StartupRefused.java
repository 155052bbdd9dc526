package org.jobpricing.server.failures;

/**
 * A setting that makes the server refuse to start. The server command prints its message alone (no
 * stack trace: the message names the setting and what is wrong) and the process exits non-zero.
 */
public final class StartupRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public StartupRefused(String message) {
        super(message);
    }
}
