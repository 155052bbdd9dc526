package org.jobpricing.server.cli.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs a PostgreSQL client program (pg_dump, pg_restore); the password goes through PGPASSWORD only. */
final class PgTool {

    private PgTool() {}

    static PgTool onPath() {
        return new PgTool();
    }

    /** Runs {@code program} to completion; fails with its output (password masked) when it exits non-zero. */
    void run(String program, List<String> args, Map<String, String> environment, String password) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        if (!password.isEmpty()) {
            builder.environment().put("PGPASSWORD", password);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new BackupException(
                    program + " not found on PATH; install postgresql-client (" + e.getMessage() + ")", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new BackupException(program + " was interrupted", e);
        }
        if (exit != 0) {
            String shown = password.isEmpty() ? output : output.replace(password, "****");
            String hint = output.contains("server version mismatch")
                    ? " (install a postgresql-client of the server's major version or newer)"
                    : "";
            throw new BackupException(
                    program + " failed (exit " + exit + ")" + (shown.isEmpty() ? "" : ": " + shown) + hint);
        }
    }
}
