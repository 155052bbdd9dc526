package org.jobpricing.server.cli.backup;

/** An expected failure of a backup command; its message says what went wrong and what to do. */
public class BackupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public BackupException(String message) {
        super(message);
    }

    public BackupException(String message, Throwable cause) {
        super(message, cause);
    }
}
