package org.jobpricing.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.access.common.spi.IAccessEvent;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.Appender;
import ch.qos.logback.core.LayoutBase;
import ch.qos.logback.core.helpers.NOPAppender;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class FormattedLineAppenderTest {

    static final class Line extends LayoutBase<String> {
        @Override
        public String doLayout(String event) {
            return "line " + event + " end\n";
        }
    }

    @Test
    void everyLineFromManyThreadsIsWrittenWholeAndNoneIsLostAtStop() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        // a queue far smaller than the lines: callers wait for the writer rather than drop
        FormattedLineAppender<String> appender =
                new FormattedLineAppender<>(new Line(), new PrintStream(bytes, false, StandardCharsets.UTF_8), 16);
        appender.setContext(new LoggerContext());
        appender.start();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int thread = t;
            Thread caller = new Thread(() -> {
                for (int i = 0; i < 5_000; i++) {
                    appender.doAppend(thread + "-" + i);
                }
            });
            caller.start();
            threads.add(caller);
        }
        for (Thread t : threads) {
            t.join();
        }
        appender.stop();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(20_000).allMatch(l -> l.matches("line [0-3]-\\d{1,4} end"));
        Set<String> distinct = new TreeSet<>(List.of(lines));
        assertThat(distinct).hasSize(20_000).contains("line 0-0 end", "line 3-4999 end");
        appender.doAppend("after-stop");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("after-stop");
    }

    @Test
    void aThresholdAboveInfoBuildsNoWriter() {
        AccessConsoleAppenderFactory off = new AccessConsoleAppenderFactory();
        off.setThreshold("OFF");
        AccessConsoleAppenderFactory on = new AccessConsoleAppenderFactory();
        on.setThreshold("INFO");
        LoggerContext context = new LoggerContext();
        Appender<IAccessEvent> none = off.build(context, "test", null, null, null);
        Appender<IAccessEvent> written = on.build(context, "test", null, null, null);
        try {
            assertThat(none).isInstanceOf(NOPAppender.class);
            assertThat(written).isInstanceOf(FormattedLineAppender.class);
            assertThat(written.isStarted()).isTrue();
        } finally {
            written.stop();
        }
    }
}
