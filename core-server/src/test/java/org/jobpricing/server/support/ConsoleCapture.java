package org.jobpricing.server.support;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** Tees System.out into memory so a test can read what the server logged to the console. */
public final class ConsoleCapture {

    private final ByteArrayOutputStream copy = new ByteArrayOutputStream();

    private ConsoleCapture() {}

    /** Starts capturing; call before the server starts (its console appender writes to System.out). */
    public static ConsoleCapture start() {
        ConsoleCapture capture = new ConsoleCapture();
        PrintStream original = System.out;
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        original.write(b);
                        synchronized (capture.copy) {
                            capture.copy.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        original.write(b, off, len);
                        synchronized (capture.copy) {
                            capture.copy.write(b, off, len);
                        }
                    }
                },
                true));
        return capture;
    }

    /** Everything written so far. */
    public String text() {
        synchronized (copy) {
            return copy.toString(StandardCharsets.UTF_8);
        }
    }
}
