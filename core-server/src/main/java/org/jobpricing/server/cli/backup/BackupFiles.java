package org.jobpricing.server.cli.backup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Locale;

/** Backup files: written through a temporary sibling renamed into place, recognised by their first bytes. */
final class BackupFiles {

    /** Writes the content of a file at a path it is given. */
    interface Writer {
        void writeTo(Path file) throws IOException, SQLException;
    }

    private BackupFiles() {}

    /** Writes {@code target} through a temporary file, so a failure leaves no half file. */
    static void write(Path target, Writer writer) throws IOException, SQLException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            throw new BackupException(target + " is a directory; give the backup file's name");
        }
        Files.createDirectories(absolute.getParent());
        Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName() + ".", ".partial");
        boolean moved = false;
        try {
            writer.writeTo(temp);
            ownerOnly(temp);
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Backups hold password hashes and pricing data: readable by their owner only, where the file system says so. */
    private static void ownerOnly(Path file) throws IOException {
        if (Files.getFileStore(file).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        }
    }

    /** Fails unless {@code file} exists and starts with {@code magic}, naming the kind of file expected. */
    static void requireFormat(Path file, byte[] magic, String expected) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new BackupException("backup file " + file + " not found");
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(magic.length);
        }
        if (!Arrays.equals(head, magic)) {
            throw new BackupException(file + " is not " + expected);
        }
    }

    /** A size for people: "812 bytes", or "1234567 bytes (1.2 MiB)". */
    static String describeSize(long bytes) {
        return bytes < 1024 ? bytes + " bytes" : bytes + " bytes (" + humanSize(bytes) + ")";
    }

    private static String humanSize(long bytes) {
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
