package org.jobpricing.server.rules;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputFilter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.drools.base.common.DroolsObjectInputStream;
import org.drools.base.common.DroolsObjectOutputStream;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compiled rule sets kept on disk, so a later start loads the rules it served before instead of building
 * them again: a cold build of the shipped rules takes seconds (the checks and Drools' compiler), loading
 * its packages a few hundred milliseconds.
 *
 * <p>An entry is Drools' own serialised form of the compiled packages (their rules, networks and the
 * consequences' bytecode). Its name is a SHA-256 of the rule files, of the code that checks and compiles
 * them (the fact classes, the allowlist, the cell checks, this compiler) and of the Drools version. An
 * entry is written only after its files passed every check and compiled, so for the same name the checks
 * would say the same again and are not repeated. An entry that cannot be read (truncated, of another
 * Drools, not written by this class) is deleted and the files are compiled as if there were none; an
 * unwritable directory only costs the saving. Reading accepts only the classes of Drools, KIE, MVEL, the
 * JDK and the fact classes. The directory is created readable by the server's user alone: whoever can
 * write there can equally write the database beside it or the server's jars.
 */
public final class CompiledRuleCache {

    private static final Logger LOG = LoggerFactory.getLogger(CompiledRuleCache.class);
    private static final String SUFFIX = ".kpkgs";
    private static final byte[] MAGIC = "jobpricing-kpkgs-1\n".getBytes(StandardCharsets.US_ASCII);
    /** Entries kept: the active version, recent drafts and what-ifs; the oldest used go first. */
    static final int KEEP = 16;
    /** Serialised packages larger than this are not a rule set of ours (the shipped one is about 4 MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    private static final ObjectInputFilter CLASSES = ObjectInputFilter.Config.createFilter("maxbytes=" + MAX_BYTES
            + ";java.**;org.drools.**;org.kie.**;org.mvel2.**;" + "org.jobpricing.rules.facts.*;!*");

    /** What the checks and the build depend on besides the files: a change of any of them is a new entry. */
    private static final List<Class<?>> CODE = List.of(
            RuleSetCompiler.class,
            CompiledRuleCache.class,
            RuleAllowlist.class,
            AllowedCode.class,
            TableCells.class,
            ColumnType.class,
            DecisionTable.class,
            org.drools.core.impl.KnowledgeBaseImpl.class,
            org.drools.base.definitions.impl.KnowledgePackageImpl.class,
            org.drools.core.rule.JavaDialectRuntimeData.class);

    private static final String CODE_FINGERPRINT = fingerprintOfCode();

    private final Path directory;

    private CompiledRuleCache(Path directory) {
        this.directory = directory;
    }

    /** No cache: every compile builds. */
    public static CompiledRuleCache none() {
        return new CompiledRuleCache(null);
    }

    /** A cache in {@code directory} (created when first written); a blank path is {@link #none()}. */
    public static CompiledRuleCache in(String directory) {
        return directory == null || directory.isBlank() ? none() : new CompiledRuleCache(Path.of(directory));
    }

    public boolean enabled() {
        return directory != null;
    }

    /** The entry's name for these files: a hash of them and of the code that checks and compiles them. */
    static String keyOf(List<RuleSource> sources) {
        MessageDigest digest = sha256();
        digest.update(CODE_FINGERPRINT.getBytes(StandardCharsets.US_ASCII));
        sources.stream().sorted(Comparator.comparing(RuleSource::name)).forEach(s -> {
            byte[] name = s.name().getBytes(StandardCharsets.UTF_8);
            digest.update(longBytes(name.length));
            digest.update(name);
            digest.update(longBytes(s.content().length));
            digest.update(s.content());
        });
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The compiled rules of these files, when an entry of them is here and reads back. */
    Optional<KieBase> load(List<RuleSource> sources) {
        return directory == null ? Optional.empty() : load(keyOf(sources));
    }

    /** The compiled rules stored under {@code key} ({@link #keyOf}), when they are here and read back. */
    Optional<KieBase> load(String key) {
        if (directory == null) {
            return Optional.empty();
        }
        Path entry = directory.resolve(key + SUFFIX);
        if (!Files.isRegularFile(entry)) {
            return Optional.empty();
        }
        try {
            KieBase base = read(entry);
            Files.setLastModifiedTime(entry, FileTime.from(Instant.now()));
            return Optional.of(base);
        } catch (IOException | ClassNotFoundException | RuntimeException | LinkageError e) {
            LOG.warn(
                    "compiled rules {} cannot be read ({}); deleting it and compiling",
                    entry.getFileName(),
                    e.toString());
            deleteQuietly(entry);
            return Optional.empty();
        }
    }

    private static KieBase read(Path entry) throws IOException, ClassNotFoundException {
        if (Files.size(entry) > MAX_BYTES + MAGIC.length + 32) {
            throw new IOException("larger than " + MAX_BYTES + " bytes");
        }
        byte[] bytes = Files.readAllBytes(entry);
        int body = MAGIC.length + 32;
        if (bytes.length < body || !java.util.Arrays.equals(bytes, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new IOException("not an entry of this cache");
        }
        MessageDigest digest = sha256();
        digest.update(bytes, body, bytes.length - body);
        if (!java.util.Arrays.equals(digest.digest(), 0, 32, bytes, MAGIC.length, body)) {
            throw new IOException("its checksum does not match (truncated or altered)");
        }
        Collection<KiePackage> packages = new ArrayList<>();
        try (InputStream raw = new ByteArrayInputStream(bytes, body, bytes.length - body);
                DroolsObjectInputStream in =
                        new DroolsObjectInputStream(raw, CompiledRuleCache.class.getClassLoader())) {
            in.setObjectInputFilter(CLASSES);
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                packages.add((KiePackage) in.readObject());
            }
        }
        InternalKnowledgeBase base = KnowledgeBaseFactory.newKnowledgeBase();
        base.addPackages(packages);
        return base;
    }

    /** Keeps the compiled rules under {@code key} ({@link #keyOf}); a failure to write is logged, never thrown. */
    void store(String key, KieBase base) {
        if (directory == null) {
            return;
        }
        Path temporary = null;
        try {
            ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
            try (DroolsObjectOutputStream out = new DroolsObjectOutputStream(body)) {
                Collection<KiePackage> packages = base.getKiePackages();
                out.writeInt(packages.size());
                for (KiePackage p : packages) {
                    out.writeObject(p);
                }
            }
            byte[] bytes = body.toByteArray();
            createDirectory();
            temporary = Files.createTempFile(directory, "entry-", ".tmp");
            try (var file = Files.newOutputStream(temporary)) {
                file.write(MAGIC);
                file.write(sha256().digest(bytes));
                file.write(bytes);
            }
            Files.move(
                    temporary,
                    directory.resolve(key + SUFFIX),
                    StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
            temporary = null;
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warn("compiled rules not kept in {}: {}", directory, e.toString());
        } finally {
            if (temporary != null) {
                deleteQuietly(temporary);
            }
        }
    }

    private void createDirectory() throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectories(
                    directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectories(directory);
        }
    }

    /** Deletes the least recently used entries beyond {@link #KEEP}. */
    private void prune() throws IOException {
        List<Path> entries;
        try (Stream<Path> files = Files.list(directory)) {
            entries = files.filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .sorted(Comparator.comparing(CompiledRuleCache::lastModified)
                            .reversed())
                    .toList();
        }
        entries.stream().skip(KEEP).forEach(CompiledRuleCache::deleteQuietly);
    }

    private static FileTime lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (AccessDeniedException e) {
            LOG.warn("cannot delete {}: access denied", file);
        } catch (IOException e) {
            LOG.warn("cannot delete {}: {}", file, e.toString());
        }
    }

    private static String fingerprintOfCode() {
        MessageDigest digest = sha256();
        digest.update(("java " + Runtime.version().feature()).getBytes(StandardCharsets.US_ASCII));
        List<Class<?>> classes = new ArrayList<>(CODE);
        classes.addAll(RuleAllowlist.FACTS.values().stream()
                .sorted(Comparator.comparing(Class::getName))
                .toList());
        for (Class<?> type : classes) {
            String resource = type.getName().replace('.', '/') + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                digest.update(type.getName().getBytes(StandardCharsets.US_ASCII));
                if (in != null) {
                    digest.update(in.readAllBytes());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + resource, e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] longBytes(long value) {
        return java.nio.ByteBuffer.allocate(Long.BYTES).putLong(value).array();
    }
}
