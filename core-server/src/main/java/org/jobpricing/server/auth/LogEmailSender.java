package org.jobpricing.server.auth;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development sender: logs each e-mail and keeps the last ones in memory (for the operator and the
 * tests). Use a real sender in production.
 */
public final class LogEmailSender implements EmailSender {

    private static final Logger LOG = LoggerFactory.getLogger(LogEmailSender.class);
    private static final int KEEP = 100;

    /** One sent e-mail. */
    public record Email(String to, String subject, String body) {
    }

    private final Deque<Email> outbox = new ArrayDeque<>();

    @Override
    public synchronized void send(String to, String subject, String body) {
        LOG.info("e-mail to {}: {}\n{}", to, subject, body);
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
