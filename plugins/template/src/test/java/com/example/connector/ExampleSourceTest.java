package com.example.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.jobpricing.plugin.api.testkit.SourceTestKit;
import org.junit.jupiter.api.Test;

/** Runs the connector the way the server does (SourceTestKit) against the fixture export. */
class ExampleSourceTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

    static SourceTestKit kit() throws URISyntaxException {
        Path file = Path.of(ExampleSourceTest.class.getResource("/export.csv").toURI());
        return SourceTestKit.of(new ExampleSource(), Map.of("file", file.toString(), "effectiveDate", "2026-01-01"),
                CLOCK);
    }

    @Test
    void everyGoodLineBecomesAValidObservationAndBadLinesAreWarnings() throws Exception {
        SourceTestKit.Run run = kit().fetch().assertAllValid();

        assertEquals(2, run.valid().size());
        assertEquals(80000.0, run.valid().get(0).p50());
        assertEquals(1, run.warnings().size());
        assertEquals(4, run.warnings().get(0).line());
    }

    @Test
    void anUnchangedFileIsNotReadAgain() throws Exception {
        SourceTestKit kit = kit();
        String cursor = kit.fetch().nextCursor();

        SourceTestKit.Run again = kit.fetch(cursor);

        assertTrue(again.valid().isEmpty());
        assertEquals(cursor, again.nextCursor());
    }

    @Test
    void theCheckCountsTheLines() throws Exception {
        assertEquals("3 line(s) in export.csv", kit().check().message());
    }
}
