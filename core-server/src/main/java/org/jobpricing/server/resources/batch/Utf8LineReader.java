package org.jobpricing.server.resources.batch;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Decodes a UTF-8 stream, putting U+FFFD in place of each byte sequence that is not UTF-8 and
 * remembering the line it was on, so a batch can answer that line with an error and read on; a
 * decoder that throws would lose the whole stream, one that silently replaces would price mangled
 * text. Lines end at LF, CR or CRLF, counted as the CSV parser counts them.
 */
final class Utf8LineReader extends Reader {

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    /** Lines with bytes that are not UTF-8, ascending; lines the caller has passed are dropped. */
    private final ArrayDeque<Long> badLines = new ArrayDeque<>();

    private long line = 1;
    private boolean afterCr;
    private boolean endOfInput;

    Utf8LineReader(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        CharBuffer out = CharBuffer.wrap(buffer, offset, length);
        while (out.hasRemaining()) {
            int start = out.position();
            CoderResult result = decoder.decode(bytes, out, endOfInput);
            count(buffer, start, out.position());
            if (result.isError()) {
                if (!out.hasRemaining()) {
                    break;
                }
                bytes.position(bytes.position() + result.length());
                out.put('\uFFFD');
                afterCr = false;
                if (badLines.isEmpty() || badLines.peekLast() != line) {
                    badLines.addLast(line);
                }
            } else if (result.isUnderflow()) {
                if (out.position() > offset || endOfInput) {
                    break;
                }
                fill();
            } else {
                break;
            }
        }
        int produced = out.position() - offset;
        return produced == 0 && endOfInput && !bytes.hasRemaining() ? -1 : produced;
    }

    /** True when a line from {@code first} to {@code last} held bytes that are not UTF-8; ask in line order. */
    boolean anyBad(long first, long last) {
        while (!badLines.isEmpty() && badLines.peekFirst() < first) {
            badLines.removeFirst();
        }
        return !badLines.isEmpty() && badLines.peekFirst() <= last;
    }

    private void fill() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            endOfInput = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private void count(char[] chars, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c == '\n') {
                if (!afterCr) {
                    line++;
                }
                afterCr = false;
            } else if (c == '\r') {
                line++;
                afterCr = true;
            } else {
                afterCr = false;
            }
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
