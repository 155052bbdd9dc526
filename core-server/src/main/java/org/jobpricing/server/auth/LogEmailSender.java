package org.jobpricing.server.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development sender: keeps the last e-mails in memory (for the tests) and logs that one was sent, never
 * its body, which holds a verification token that would let anyone reading the logs verify the address.
 */
public final class LogEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogEmailSender.class);
    private static final int KEEP = 100;

    /** One sent e-mail. */
    public record Email(String to, String subject, String body) {}

    private final Deque<Email> outbox = new ArrayDeque<>();

    @Override
    public synchronized void send(String to, String subject, String body) {
        LOG.info("e-mail to {}: {} (not delivered: no mail server is configured; the body is not logged)", to, subject);
        outbox.addFirst(new Email(to, subject, body));
        while (outbox.size() > KEEP) {
            outbox.removeLast();
        }
    }

    /** The most recent e-mails, newest first. */
    public synchronized List<Email> outbox() {
        return List.copyOf(outbox);
    }
}
