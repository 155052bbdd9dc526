package org.jobpricing.server.cli;

import io.dropwizard.core.cli.Command;
import io.dropwizard.core.setup.Bootstrap;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jobpricing.server.core.AreaIndex;

/**
 * {@code area-index <oews folder> [table]}: computes the area index of pricing method §11 from the OEWS
 * May 2024 files and writes the area decision table (default {@code rules/areas.drl.csv}). Upload the
 * written file as a draft version to review it with the diff and the what-if before publishing it.
 */
public final class AreaIndexCommand extends Command {

    public AreaIndexCommand() {
        super("area-index", "Computes the area index (pricing method §11) from OEWS files and writes the area table");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser
                .addArgument("data")
                .help("folder with areas.csv and oews_2024.csv.gz or area_wages.csv (the bls-oews plugin's "
                        + "resources, or the BLS files)");
        subparser
                .addArgument("table")
                .nargs("?")
                .setDefault("rules/areas.drl.csv")
                .help("the area table to write (default: rules/areas.drl.csv)");
    }

    @Override
    public void run(Bootstrap<?> bootstrap, Namespace namespace) throws Exception {
        List<AreaIndex.Row> rows = AreaIndex.compute(Path.of(namespace.getString("data")));
        Path table = Path.of(namespace.getString("table"));
        Files.writeString(table, AreaIndex.table(rows), StandardCharsets.UTF_8);
        System.out.println("wrote " + rows.size() + " areas to " + table);
    }
}
