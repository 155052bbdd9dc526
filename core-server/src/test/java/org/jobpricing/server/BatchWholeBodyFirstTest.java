package org.jobpricing.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jobpricing.server.auth.Role;
import org.jobpricing.server.support.TestApps;
import org.jobpricing.server.support.TestDatabases;
import org.jobpricing.server.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A client that sends the whole body before it reads a byte of the answer (Python's urllib and
 * requests, many SDKs) gets every line of a 100,000-row batch. The server used to stream results
 * while the upload was still coming: the unread answer filled the socket buffers, both sides blocked,
 * and Jetty's idle timeout reset the connection.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class BatchWholeBodyFirstTest {

    static final DropwizardAppExtension<JobPricingConfiguration> APP = TestApps.app(TestDatabases.h2());
    static final int ROWS = 100_000;

    /** A response read off the socket: status, headers (lower-case names) and the decoded body. */
    record RawResponse(int status, Map<String, String> headers, String body) {}

    @Test
    void aHundredThousandRowBatchSentBeforeReadingGetsEveryLine() throws Exception {
        StringBuilder csv = new StringBuilder("title,occupation_code,level,country,area,currency,as_of,skills\n");
        for (int i = 0; i < ROWS; i++) {
            csv.append("Software Developer,15-1252,IC3,US,,,2026-05-01,Kubernetes\n");
        }
        String token = TestUsers.as(APP, Role.HR_ANALYST).token();

        RawResponse response = sendWholeBodyThenRead(
                APP.getLocalPort(),
                "/api/v1/pricing/batch",
                token,
                csv.toString().getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).isEqualTo(200);
        List<String> lines = response.body().lines().toList();
        assertThat(lines).hasSize(ROWS + 1);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < ROWS; i++) {
            JsonNode line = json.readTree(lines.get(i));
            assertThat(line.get("line").asInt()).isEqualTo(i + 2);
            assertThat(line.get("status").asText()).as(lines.get(i)).isEqualTo("OK");
        }
        JsonNode summary = json.readTree(lines.get(ROWS)).get("summary");
        assertThat(summary.get("priced").asInt()).isEqualTo(ROWS);
        assertThat(summary.get("failed").asInt()).isZero();
    }

    /** Writes the whole request on a plain socket, and only then reads the answer (as urllib does). */
    static RawResponse sendWholeBodyThenRead(int port, String path, String token, byte[] body) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(300_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Type: text/csv\r\n"
                            + "Authorization: Bearer " + token + "\r\nContent-Length: " + body.length
                            + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            int status = Integer.parseInt(readLine(in).split(" ")[1]);
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
                int colon = line.indexOf(':');
                headers.put(
                        line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).strip());
            }
            byte[] content =
                    "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(in) : in.readAllBytes();
            return new RawResponse(status, headers, new String(content, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16);
                size > 0;
                size = Integer.parseInt(readLine(in).split(";")[0].strip(), 16)) {
            content.write(in.readNBytes(size));
            readLine(in);
        }
        return content.toByteArray();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
