package org.jobpricing.server.resources;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.io.output.DeferredFileOutputStream;

/**
 * A request body read to its end before the answer starts: in memory when small, else in a temporary
 * file (owner-only, deleted on close). A streamed answer may then be written while the client, which
 * may send its whole body before reading anything (Python's urllib and requests, many SDKs), reads it;
 * answering during the upload fills both sides' socket buffers until the idle timeout resets the
 * connection.
 */
final class SpooledBody implements AutoCloseable {

    private static final int IN_MEMORY_BYTES = 1024 * 1024;
    private final DeferredFileOutputStream spool;

    private SpooledBody(DeferredFileOutputStream spool) {
        this.spool = spool;
    }

    /** Reads {@code body} to its end (a body over the size limit fails here, before any answer: 413). */
    static SpooledBody read(InputStream body) throws IOException {
        DeferredFileOutputStream spool = DeferredFileOutputStream.builder()
                .setThreshold(IN_MEMORY_BYTES)
                .setPrefix("jobpricing-body-")
                .setSuffix(".tmp")
                .get();
        SpooledBody spooled = new SpooledBody(spool);
        try (spool) {
            body.transferTo(spool);
        } catch (IOException | RuntimeException e) {
            spooled.close();
            throw e;
        }
        return spooled;
    }

    /** The body from its first byte. */
    InputStream open() throws IOException {
        return spool.toInputStream();
    }

    /** Deletes the temporary file, if the body needed one. */
    @Override
    public void close() {
        Path file = spool.getPath();
        if (!spool.isInMemory() && file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the spooled request body " + file, e);
            }
        }
    }
}
