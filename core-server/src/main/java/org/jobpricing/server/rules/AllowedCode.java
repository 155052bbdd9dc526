package org.jobpricing.server.rules;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.EmptyStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The code a rule may hold, checked on its parsed syntax tree: literals, operators, the properties and
 * public methods the fact classes declare, the methods of {@link Math}, and {@code drools.halt()}. Any
 * other name, type, object creation, field access, chained call, loop or assignment is refused.
 */
final class AllowedCode {

    // a JavaParser keeps its tokenizer state between calls: one per thread, or concurrent validations
    // (an analyst typing into a table sends several) corrupt each other's parses
    private static final ThreadLocal<JavaParser> PARSER = ThreadLocal.withInitial(() ->
            new JavaParser(new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17)));
    private static final Set<String> MATH = Arrays.stream(Math.class.getMethods())
            .filter(m -> Modifier.isStatic(m.getModifiers()))
            .map(Method::getName)
            .collect(Collectors.toUnmodifiableSet());

    private static final Set<UnaryExpr.Operator> INCREMENTS = Set.of(
            UnaryExpr.Operator.PREFIX_INCREMENT,
            UnaryExpr.Operator.PREFIX_DECREMENT,
            UnaryExpr.Operator.POSTFIX_INCREMENT,
            UnaryExpr.Operator.POSTFIX_DECREMENT);

    /** Why code is refused, and on which line of the code (1 = its first line). */
    record Refusal(String message, int line) {}

    /** Where a piece of code runs: the pattern's own fact (constraints) and the bound variables. */
    record Scope(Class<?> pattern, Map<String, Class<?>> bindings, boolean consequence) {}

    private AllowedCode() {}

    /** The problem with a constraint of a pattern, or empty when it is allowed. */
    static Optional<Refusal> constraint(String text, Scope scope) {
        ParseResult<Expression> parsed = PARSER.get().parseExpression(text);
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Optional.of(new Refusal(
                    "constraint '" + text.strip() + "' is not allowed: only comparisons, "
                            + "arithmetic, literals and the fact's properties and methods may be used",
                    1));
        }
        return expression(parsed.getResult().get(), scope);
    }

    /**
     * The problem with a rule's consequence, or empty when it is allowed. A {@code modify($fact) { a(..),
     * b(..) }} block is checked as the calls {@code $fact.a(..); $fact.b(..);} it makes (Drools then tells
     * the engine which properties changed), so it allows exactly what those calls would.
     */
    static Optional<Refusal> consequence(String code, Scope scope) {
        ParseResult<BlockStmt> parsed = PARSER.get().parseBlock("{" + expandModify(code) + "\n}");
        if (!parsed.isSuccessful() || parsed.getResult().isEmpty()) {
            return Optional.of(new Refusal(
                    "the consequence is not plain calls of fact methods: "
                            + parsed.getProblems().stream()
                                    .findFirst()
                                    .map(p -> p.getMessage().split("\n")[0])
                                    .orElse(""),
                    1));
        }
        return statement(parsed.getResult().get(), scope);
    }

    /**
     * Rewrites every {@code modify(<name>) { <calls> }} outside literals and comments into {@code
     * <name>.<call>;} statements, keeping the line count. Anything that does not have that exact shape is
     * left as it is, and the Java check then refuses it.
     */
    static String expandModify(String code) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = code.length();
        while (i < n) {
            char ch = code.charAt(i);
            int skip = skipLiteralOrComment(code, i);
            if (skip > i) {
                out.append(code, i, skip);
                i = skip;
                continue;
            }
            if (code.startsWith("modify", i)
                    && (i == 0 || !Character.isJavaIdentifierPart(code.charAt(i - 1)))
                    && (i + 6 >= n || !Character.isJavaIdentifierPart(code.charAt(i + 6)))) {
                int end = modifyBlockEnd(code, i + 6);
                if (end > 0) {
                    out.append(expandBlock(code.substring(i, end)));
                    i = end;
                    continue;
                }
            }
            out.append(ch);
            i++;
        }
        return out.toString();
    }

    /** The index after a string, char literal or comment starting at {@code i}; {@code i} when none starts there. */
    private static int skipLiteralOrComment(String code, int i) {
        char ch = code.charAt(i);
        int n = code.length();
        if (ch == '"' || ch == '\'') {
            int j = i + 1;
            while (j < n && code.charAt(j) != ch) {
                j += code.charAt(j) == '\\' ? 2 : 1;
            }
            return Math.min(n, j + 1);
        }
        if (code.startsWith("//", i)) {
            int j = code.indexOf('\n', i);
            return j < 0 ? n : j;
        }
        if (code.startsWith("/*", i)) {
            int j = code.indexOf("*/", i + 2);
            return j < 0 ? n : j + 2;
        }
        return i;
    }

    /** After the word {@code modify} at {@code from}: the end of {@code (name) { ... }}, or -1. */
    private static int modifyBlockEnd(String code, int from) {
        java.util.regex.Matcher head = MODIFY_HEAD.matcher(code).region(from, code.length());
        if (!head.lookingAt()) {
            return -1;
        }
        int depth = 0;
        int i = head.end();
        while (i < code.length()) {
            int skip = skipLiteralOrComment(code, i);
            if (skip > i) {
                i = skip;
                continue;
            }
            char ch = code.charAt(i);
            if (ch == '{' || ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == '}') {
                if (depth == 0) {
                    return i + 1;
                }
                depth--;
            }
            i++;
        }
        return -1;
    }

    private static final java.util.regex.Pattern MODIFY_HEAD =
            java.util.regex.Pattern.compile("\\s*\\(\\s*(\\$?[A-Za-z_][A-Za-z0-9_]*)\\s*\\)\\s*\\{");

    /** {@code modify(name) { a(1), b(2) }} as {@code name.a(1); name.b(2);} with the same number of lines. */
    private static String expandBlock(String block) {
        java.util.regex.Matcher head = MODIFY_HEAD.matcher(block).region(6, block.length());
        head.lookingAt();
        String target = head.group(1);
        String body = block.substring(head.end(), block.length() - 1);
        StringBuilder out = new StringBuilder();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i < body.length()) {
                int skip = skipLiteralOrComment(body, i);
                if (skip > i) {
                    i = skip - 1;
                    continue;
                }
                char ch = body.charAt(i);
                if (ch == '(' || ch == '{') {
                    depth++;
                } else if (ch == ')' || ch == '}') {
                    depth--;
                }
                if (ch != ',' || depth != 0) {
                    continue;
                }
            }
            String item = body.substring(start, i).strip();
            if (!item.isEmpty()) {
                out.append(target).append('.').append(item).append("; ");
            }
            start = i + 1;
        }
        long lines = block.chars().filter(c -> c == '\n').count();
        return out + "\n".repeat((int) lines);
    }

    private static Optional<Refusal> statement(Statement statement, Scope scope) {
        if (statement instanceof BlockStmt block) {
            for (Statement s : block.getStatements()) {
                Optional<Refusal> problem = statement(s, scope);
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return Optional.empty();
        }
        if (statement instanceof EmptyStmt) {
            return Optional.empty();
        }
        if (statement instanceof ExpressionStmt e) {
            if (!(e.getExpression() instanceof MethodCallExpr)) {
                return refused(e.getExpression(), "only method calls may stand as statements");
            }
            return expression(e.getExpression(), scope);
        }
        if (statement instanceof IfStmt i) {
            return first(
                    expression(i.getCondition(), scope),
                    statement(i.getThenStmt(), scope),
                    i.getElseStmt().map(s -> statement(s, scope)).orElse(Optional.empty()));
        }
        return refused(statement, kind(statement) + " is not allowed in a rule");
    }

    private static Optional<Refusal> expression(Expression e, Scope scope) {
        if (e instanceof StringLiteralExpr
                || e instanceof IntegerLiteralExpr
                || e instanceof LongLiteralExpr
                || e instanceof DoubleLiteralExpr
                || e instanceof BooleanLiteralExpr
                || e instanceof NullLiteralExpr
                || e instanceof CharLiteralExpr) {
            return Optional.empty();
        }
        if (e instanceof EnclosedExpr enclosed) {
            return expression(enclosed.getInner(), scope);
        }
        if (e instanceof UnaryExpr unary) {
            if (INCREMENTS.contains(unary.getOperator())) {
                return refused(e, "an assignment is not allowed in a rule");
            }
            return expression(unary.getExpression(), scope);
        }
        if (e instanceof BinaryExpr binary) {
            return first(expression(binary.getLeft(), scope), expression(binary.getRight(), scope));
        }
        if (e instanceof ConditionalExpr c) {
            return first(
                    expression(c.getCondition(), scope),
                    expression(c.getThenExpr(), scope),
                    expression(c.getElseExpr(), scope));
        }
        if (e instanceof NameExpr name) {
            return name(name, scope);
        }
        if (e instanceof MethodCallExpr call) {
            return call(call, scope);
        }
        return refused(e, kind(e) + " is not allowed in a rule");
    }

    private static Optional<Refusal> name(NameExpr name, Scope scope) {
        String n = name.getNameAsString();
        if (scope.bindings().containsKey(n)) {
            return Optional.empty();
        }
        if (!scope.consequence() && scope.pattern() != null && property(scope.pattern(), n)) {
            return Optional.empty();
        }
        return refused(
                name,
                "'" + n + "' is neither a bound fact nor a property of "
                        + (scope.pattern() == null
                                ? "the fact"
                                : scope.pattern().getSimpleName()));
    }

    private static Optional<Refusal> call(MethodCallExpr call, Scope scope) {
        for (Expression argument : call.getArguments()) {
            Optional<Refusal> problem = expression(argument, scope);
            if (problem.isPresent()) {
                return problem;
            }
        }
        if (call.getTypeArguments().isPresent()) {
            return refused(call, "type arguments are not allowed");
        }
        String method = call.getNameAsString();
        if (call.getScope().isEmpty()) {
            if (!scope.consequence() && scope.pattern() != null && declares(scope.pattern(), method, true)) {
                return Optional.empty();
            }
            return refused(
                    call,
                    "'" + method + "(…)' is not a method of "
                            + (scope.pattern() == null
                                    ? "a fact"
                                    : scope.pattern().getSimpleName())
                            + (scope.consequence() ? "" : " that answers a value (a condition changes nothing)"));
        }
        Expression target = call.getScope().get();
        if (!(target instanceof NameExpr targetName)) {
            return refused(
                    call,
                    "'" + call + "' calls a method on " + kind(target)
                            + "; only a bound fact, Math or drools.halt() may be called");
        }
        String n = targetName.getNameAsString();
        Class<?> fact = scope.bindings().get(n);
        if (fact != null) {
            return declares(fact, method, !scope.consequence())
                    ? Optional.empty()
                    : refused(
                            call,
                            "'" + method + "' is not a public method of " + fact.getSimpleName()
                                    + (scope.consequence()
                                            ? ""
                                            : " that answers a value (a condition changes nothing)"));
        }
        if (n.equals("Math")) {
            return MATH.contains(method) ? Optional.empty() : refused(call, "Math has no method '" + method + "'");
        }
        if (n.equals("drools") && scope.consequence()) {
            return method.equals("halt") && call.getArguments().isEmpty()
                    ? Optional.empty()
                    : refused(call, "only drools.halt() may be called on drools");
        }
        return refused(call, "'" + n + "' is not a bound fact, Math or drools");
    }

    /**
     * A public, non-static method the fact class declares itself (none of Object's, no reflection); in a
     * condition ({@code answers}) only one that returns a value, so conditions cannot change facts.
     */
    static boolean declares(Class<?> fact, String method, boolean answers) {
        return Arrays.stream(fact.getDeclaredMethods())
                .anyMatch(m -> m.getName().equals(method)
                        && Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && (!answers || m.getReturnType() != void.class));
    }

    private static boolean property(Class<?> fact, String name) {
        if (name.isEmpty()) {
            return false;
        }
        String capital = name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
        return Arrays.stream(fact.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers())
                        && !Modifier.isStatic(m.getModifiers())
                        && m.getParameterCount() == 0)
                .anyMatch(
                        m -> m.getName().equals("get" + capital) || m.getName().equals("is" + capital));
    }

    @SafeVarargs
    private static Optional<Refusal> first(Optional<Refusal>... problems) {
        return Arrays.stream(problems).filter(Optional::isPresent).findFirst().orElse(Optional.empty());
    }

    private static Optional<Refusal> refused(Node node, String message) {
        String text = node.toString().replaceAll("\\s+", " ");
        return Optional.of(new Refusal(
                message + (text.length() > 80 ? "" : " (" + text + ")"),
                node.getBegin().map(p -> p.line).orElse(1)));
    }

    private static String kind(Node node) {
        String simple = node.getClass().getSimpleName().replaceAll("(Expr|Stmt)$", "");
        return List.of(
                                "FieldAccess",
                                "ObjectCreation",
                                "ArrayAccess",
                                "ArrayCreation",
                                "Class",
                                "Lambda",
                                "Assign",
                                "MethodReference",
                                "Cast",
                                "InstanceOf",
                                "This",
                                "Super",
                                "VariableDeclaration",
                                "For",
                                "ForEach",
                                "While",
                                "Do",
                                "Try",
                                "Throw",
                                "Return",
                                "Switch",
                                "Synchronized",
                                "LocalClassDeclaration")
                        .contains(simple)
                ? describe(simple)
                : "'" + simple + "'";
    }

    private static String describe(String simple) {
        return switch (simple) {
            case "FieldAccess" -> "a field access or qualified name";
            case "ObjectCreation" -> "creating an object";
            case "ArrayAccess", "ArrayCreation" -> "an array";
            case "Class" -> "a class literal";
            case "Lambda", "MethodReference" -> "a lambda";
            case "Assign" -> "an assignment";
            case "Cast", "InstanceOf" -> "a type reference";
            case "This", "Super" -> "'this'";
            case "VariableDeclaration" -> "a variable declaration";
            case "For", "ForEach", "While", "Do" -> "a loop";
            case "Try", "Throw" -> "exception handling";
            case "Return" -> "'return'";
            case "Switch" -> "a switch";
            case "Synchronized" -> "'synchronized'";
            default -> "a local class";
        };
    }
}
