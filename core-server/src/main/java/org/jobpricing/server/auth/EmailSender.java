package org.jobpricing.server.auth;

/** Sends account e-mails (verification links). Pluggable: the default writes them to the log. */
public interface EmailSender {

    void send(String to, String subject, String body);
}
