package io.djorm.docs.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * Compiles the Java blocks of a page exactly as the page prints them, with {@code javac} against the
 * docs module's test classpath. A page has three kinds of Java block:
 *
 * <ul>
 *   <li>a <b>file</b>: a block that declares a top-level type is a whole source file, package line and
 *       imports included, and is compiled as it stands;</li>
 *   <li><b>members</b>: a block that starts with a modifier ({@code static}, {@code public}, ...) is
 *       compiled as the body of a class;</li>
 *   <li><b>statements</b>: any other block is compiled as the body of a method that may throw.</li>
 * </ul>
 *
 * <p>Members and statements are compiled after the page's one imports block ({@code ```java imports}),
 * so every name they use must be imported there, defined in the block itself, or declared by a file
 * block of the page. Each block is compiled on its own: a variable of one block is not visible in the next.
 */
public final class SnippetCompiler {
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern TYPE = Pattern.compile(
            "^(?:public\\s+|abstract\\s+|final\\s+|sealed\\s+)*(?:class|interface|record|enum)\\s+(\\w+)", Pattern.MULTILINE);
    private static final Pattern MEMBER = Pattern.compile("^(?:public|protected|private|static)\\s");
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+?)(\\.\\*)?\\s*;$");

    /** How a block is compiled. */
    enum Kind { FILE, MEMBERS, STATEMENTS }

    private SnippetCompiler() {
    }

    /** The kind of a block's text. */
    static Kind kindOf(String text) {
        if (TYPE.matcher(text).find()) return Kind.FILE;
        for (String line : text.split("\n")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("//") || l.startsWith("/*") || l.startsWith("*") || l.startsWith("@")) continue;
            return MEMBER.matcher(l).find() ? Kind.MEMBERS : Kind.STATEMENTS;
        }
        return Kind.STATEMENTS;
    }

    /** The problems of every page, phrased for the person who has to fix them; empty when all compile. */
    public static List<String> problems(List<Path> pages) {
        List<String> problems = new ArrayList<>();
        for (Path page : pages) problems.addAll(problems(page, FencedBlocks.of(page)));
        return problems;
    }

    static List<String> problems(Path page, List<FencedBlocks.Block> all) {
        List<String> problems = new ArrayList<>();
        List<FencedBlocks.Block> java = all.stream().filter(b -> b.language().equals("java")).toList();
        List<FencedBlocks.Block> imports = java.stream().filter(FencedBlocks.Block::imports).toList();
        List<FencedBlocks.Block> code = java.stream().filter(b -> !b.imports()).toList();
        List<FencedBlocks.Block> needImports = code.stream().filter(b -> kindOf(b.text()) != Kind.FILE).toList();
        String shown = DocsTree.shown(page);
        if (imports.size() > 1) {
            problems.add(shown + ":" + imports.get(1).openLine() + ": a second ```java imports block; a page has one "
                    + "(the first is at line " + imports.get(0).openLine() + "). Merge them.");
            return problems;
        }
        FencedBlocks.Block importBlock = imports.isEmpty() ? null : imports.get(0);
        if (importBlock == null && !needImports.isEmpty()) {
            problems.add(shown + ":" + needImports.get(0).openLine() + ": the page has Java snippets but no ```java imports "
                    + "block. Add one before its first snippet, listing the imports every snippet of the page needs.");
            return problems;
        }
        if (importBlock != null) {
            if (!needImports.isEmpty() && importBlock.openLine() > needImports.get(0).openLine()) {
                problems.add(shown + ":" + importBlock.openLine() + ": the ```java imports block must come before the "
                        + "page's first snippet (line " + needImports.get(0).openLine() + "), where a reader needs it.");
            }
            problems.addAll(importProblems(shown, importBlock, needImports));
        }
        String importsText = importBlock == null ? "" : importBlock.text();
        problems.addAll(compile(shown, pagePackage(page), importsText, code));
        return problems;
    }

    /** Each line is one explicit import that some block of the page uses. */
    private static List<String> importProblems(String shown, FencedBlocks.Block block, List<FencedBlocks.Block> users) {
        List<String> problems = new ArrayList<>();
        String[] lines = block.text().split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String where = shown + ":" + (block.openLine() + 1 + i) + ": ";
            if (lines[i].isBlank()) continue;
            Matcher m = IMPORT.matcher(lines[i].strip());
            if (!m.matches()) {
                problems.add(where + "an imports block holds only import lines; found: " + lines[i].strip());
            } else if (m.group(3) != null) {
                problems.add(where + "import each name on its own line instead of " + m.group(2) + ".*, so a reader "
                        + "sees where every name comes from.");
            } else {
                String simple = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
                Pattern word = Pattern.compile("\\b" + Pattern.quote(simple) + "\\b");
                if (users.stream().noneMatch(b -> word.matcher(b.text()).find())) {
                    problems.add(where + "no snippet of the page uses " + simple + "; remove the import.");
                }
            }
        }
        return problems;
    }

    /** A package of its own for each page, so that two pages never clash. */
    private static String pagePackage(Path page) {
        String name = page.getFileName().toString().replaceFirst("\\.md$", "").toLowerCase(Locale.ROOT);
        return "io.djorm.docs.pages." + name.replaceAll("[^a-z0-9]+", "_");
    }

    private static List<String> compile(String shown, String pkg, String imports, List<FencedBlocks.Block> blocks) {
        if (blocks.isEmpty()) return List.of();
        Map<JavaFileObject, Unit> units = new LinkedHashMap<>();
        for (FencedBlocks.Block b : blocks) {
            Unit unit = Unit.of(pkg, imports, b);
            units.put(unit.source(), unit);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        Path out = tempDir();
        try {
            List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
                    "--release", "17", "-proc:none", "-implicit:none", "-encoding", "UTF-8", "-Xlint:none");
            javac.getTask(null, null, diagnostics, options, null, units.keySet()).call();
        } finally {
            delete(out);
        }
        List<String> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) continue;
            Unit unit = units.get(d.getSource());
            if (unit == null) {
                problems.add(shown + ": " + d.getMessage(Locale.ROOT));
                continue;
            }
            long line = unit.pageLine(d.getLineNumber());
            String message = d.getMessage(Locale.ROOT).replaceAll("\\s+", " ");
            String hint = !message.startsWith("cannot find symbol") ? ""
                    : unit.before() == 0 ? " (a snippet that declares a type is a whole file: its own package line and imports)"
                    : " (import it in the page's ```java imports block, or declare it in the snippet)";
            problems.add(shown + ":" + line + ": snippet '" + unit.block().snippet() + "' does not compile as printed: "
                    + message + hint);
        }
        return problems;
    }

    /**
     * One compilation unit built from a block.
     *
     * @param block the page's block
     * @param source the text handed to javac
     * @param before how many lines of {@code source} come before the block's first line
     */
    private record Unit(FencedBlocks.Block block, JavaFileObject source, int before) {
        static Unit of(String pkg, String imports, FencedBlocks.Block b) {
            String text = b.text();
            Kind kind = kindOf(text);
            if (kind == Kind.FILE) {
                Matcher p = PACKAGE.matcher(text);
                Matcher t = TYPE.matcher(text);
                t.find();
                String path = (p.find() ? p.group(1).replace('.', '/') + "/" : "") + t.group(1) + ".java";
                return new Unit(b, source(path, text), 0);
            }
            String cls = "Snippet_" + (b.snippet() == null ? "line" + b.openLine() : b.snippet().replace('-', '_'));
            String head = "package " + pkg + ";\n" + (imports.isEmpty() ? "" : imports + "\n") + "final class " + cls + " {\n"
                    + (kind == Kind.STATEMENTS ? "void run() throws Exception {\n" : "");
            String tail = kind == Kind.STATEMENTS ? "\n}\n}\n" : "\n}\n";
            return new Unit(b, source(pkg.replace('.', '/') + "/" + cls + ".java", head + text + tail),
                    (int) head.chars().filter(c -> c == '\n').count());
        }

        /** The page line of a line of the unit (the fence is at openLine, the block's first line after it). */
        long pageLine(long unitLine) {
            long inBlock = Math.max(1, unitLine - before);
            return block.openLine() + inBlock;
        }

        private static JavaFileObject source(String path, String text) {
            return new SimpleJavaFileObject(URI.create("string:///" + path), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return text;
                }
            };
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("djorm-snippets");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
