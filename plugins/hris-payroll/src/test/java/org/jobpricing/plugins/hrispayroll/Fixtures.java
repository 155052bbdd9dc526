package org.jobpricing.plugins.hrispayroll;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Copies the recorded exports of src/test/resources/payroll into a test's folder. */
final class Fixtures {

    private Fixtures() {}

    static Path copy(String name, Path dir) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/payroll/" + name)) {
            Path target = dir.resolve(name);
            Files.write(target, in.readAllBytes());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
