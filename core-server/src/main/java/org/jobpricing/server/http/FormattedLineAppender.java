package org.jobpricing.server.http;

import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.UnsynchronizedAppenderBase;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Formats each event on the caller's thread and hands the line to one writer thread, which writes what has
 * queued up in one go. A full queue makes the caller wait (lines are never dropped); stopping writes every
 * queued line first.
 */
final class FormattedLineAppender<E> extends UnsynchronizedAppenderBase<E> {

    private static final String STOP = new String("stop");

    private final LayoutBase<E> layout;
    private final PrintStream out;
    private final BlockingQueue<String> lines;
    private Thread writer;

    FormattedLineAppender(LayoutBase<E> layout, PrintStream out, int queueSize) {
        this.layout = layout;
        this.out = out;
        this.lines = new ArrayBlockingQueue<>(queueSize);
    }

    @Override
    public void start() {
        writer = new Thread(this::writeLines, "access-log-writer");
        writer.setDaemon(true);
        writer.start();
        super.start();
    }

    @Override
    protected void append(E event) {
        String line = layout.doLayout(event);
        try {
            lines.put(line);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (!isStarted()) {
            return;
        }
        super.stop();
        try {
            lines.put(STOP);
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLines() {
        Writer to = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        List<String> batch = new ArrayList<>();
        try {
            while (true) {
                batch.add(lines.take());
                lines.drainTo(batch);
                boolean stop = false;
                for (String line : batch) {
                    if (line == STOP) {
                        stop = true;
                    } else {
                        to.write(line);
                    }
                }
                batch.clear();
                to.flush();
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            addError("cannot write the access log", e);
        }
    }
}
