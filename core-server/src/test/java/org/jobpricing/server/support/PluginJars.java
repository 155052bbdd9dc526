package org.jobpricing.server.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds real PF4J plugin jars for tests: a manifest, the extension classes and their index. */
public final class PluginJars {

    private PluginJars() {}

    /** Copies the bundled plugin jars (built by Maven) into {@code dir}. */
    public static void copyBundled(Path dir) throws IOException {
        try (Stream<Path> jars = Files.list(Path.of(TestApps.pluginsDir()))) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, dir.resolve(jar.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** Writes {@code dir/<id>.jar} holding {@code extensions} (compiled test classes) as PF4J extensions. */
    public static Path build(Path dir, String id, String requires, Class<?>... extensions) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Plugin-Id", id);
        main.putValue("Plugin-Version", "1.0.0");
        main.putValue("Plugin-Class", "org.pf4j.Plugin");
        main.putValue("Plugin-Requires", requires);
        Path jar = dir.resolve(id + ".jar");
        try (OutputStream out = Files.newOutputStream(jar);
                JarOutputStream jos = new JarOutputStream(out, manifest)) {
            java.util.Set<Class<?>> classes = new java.util.LinkedHashSet<>();
            for (Class<?> type : extensions) {
                Class<?> outer = type;
                while (outer.getEnclosingClass() != null) {
                    outer = outer.getEnclosingClass();
                }
                classes.add(outer);
                classes.addAll(java.util.List.of(outer.getDeclaredClasses()));
            }
            for (Class<?> type : classes) {
                addClass(jos, type);
            }
            jos.putNextEntry(new JarEntry("META-INF/extensions.idx"));
            jos.write(Stream.of(extensions)
                    .map(Class::getName)
                    .collect(Collectors.joining("\n", "", "\n"))
                    .getBytes(StandardCharsets.UTF_8));
            jos.closeEntry();
        }
        return jar;
    }

    private static void addClass(JarOutputStream jos, Class<?> type) throws IOException {
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            jos.putNextEntry(new JarEntry(resource));
            jos.write(in.readAllBytes());
            jos.closeEntry();
        }
    }
}
