package org.jobpricing.server.cli;

import java.util.ArrayList;
import java.util.List;
import org.jobpricing.server.rules.RuleCompilationException;
import org.jobpricing.server.rules.RuleProblem;
import org.jobpricing.server.rules.RuleSetCompiler;
import org.jobpricing.server.rules.RuleSetLinter;
import org.jobpricing.server.rules.RuleSource;

/** {@code validate-rules [dir]}: every compile error and semantic problem, with file and line. */
public final class ValidateRulesCommand extends RuleFilesCommand {

    public ValidateRulesCommand() {
        super("validate-rules", "Checks the rule files of a directory: compile errors and semantic problems");
    }

    @Override
    boolean run(List<RuleSource> files) {
        List<RuleProblem> problems = new ArrayList<>();
        try {
            new RuleSetCompiler().compile(files);
        } catch (RuleCompilationException e) {
            problems.addAll(e.problems());
        }
        problems.addAll(RuleSetLinter.check(files));
        for (RuleProblem p : problems) {
            System.out.println(
                    p.file() + ":" + p.line() + (p.column() > 0 ? ":" + p.column() : "") + ": " + p.message());
        }
        System.out.println(
                problems.isEmpty() ? "OK: " + files.size() + " files, no problems" : problems.size() + " problem(s)");
        return problems.isEmpty();
    }
}
