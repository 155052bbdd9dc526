package org.jobpricing.server.rulesets;

import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.jobpricing.server.audit.AuditLog;
import org.jobpricing.server.failures.DomainException;
import org.jobpricing.server.rules.RuleSetLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Development only: when a file under the rules directory changes, stores and publishes it as a new
 * version. Invalid edits are logged with file and line and the running version keeps serving.
 */
public final class RulesDirectoryWatcher implements Managed {

    private static final Logger LOG = LoggerFactory.getLogger(RulesDirectoryWatcher.class);
    private static final long SETTLE_MILLIS = 300;

    private final RuleSetService ruleSets;
    private final Path directory;
    private WatchService watcher;
    private Thread thread;

    public RulesDirectoryWatcher(RuleSetService ruleSets, Path directory) {
        this.ruleSets = ruleSets;
        this.directory = directory;
    }

    @Override
    public void start() throws IOException {
        watcher = FileSystems.getDefault().newWatchService();
        register(directory);
        register(directory.resolve("tests"));
        thread = new Thread(this::watch, "rules-directory-watcher");
        thread.setDaemon(true);
        thread.start();
        LOG.info("watching {} for rule edits (development)", directory.toAbsolutePath());
    }

    private void register(Path dir) throws IOException {
        if (dir.toFile().isDirectory()) {
            dir.register(
                    watcher,
                    StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY,
                    StandardWatchEventKinds.ENTRY_DELETE);
        }
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                // let an editor finish writing, and take the burst of events as one change
                Thread.sleep(SETTLE_MILLIS);
                key.pollEvents();
                key.reset();
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    more.pollEvents();
                    more.reset();
                }
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    void reload() {
        try {
            var files = RuleSetLoader.fromDirectory(directory);
            var version = ruleSets.importIfChanged(files, "rules-directory", AuditLog.Origin.INTERNAL);
            version.ifPresent(v -> LOG.info("rules directory changed: {} published", v.label()));
        } catch (DomainException e) {
            LOG.error(
                    "rules directory edit not applied, {} still serves: {}",
                    ruleSets.engine().active().version(),
                    e.getMessage());
            e.details().forEach(d -> LOG.error("  {}", d));
        } catch (IOException | RuntimeException e) {
            LOG.error("rules directory edit not applied: {}", e.getMessage());
        }
    }

    @Override
    public void stop() throws IOException {
        if (thread != null) {
            thread.interrupt();
        }
        if (watcher != null) {
            watcher.close();
        }
    }
}
