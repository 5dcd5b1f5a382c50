package io.djorm.docs.check;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.Tree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Finds public types without a Javadoc comment, by parsing sources with the JDK's compiler (no
 * classpath needed: parsing keeps comments and modifiers, which is all the check reads). A type counts
 * as public when it and every type around it are public, or are members of an interface or annotation
 * (whose members are public without saying so).
 */
public final class JavadocCoverage {
    private static final Set<Tree.Kind> IMPLICITLY_PUBLIC_MEMBERS = Set.of(Tree.Kind.INTERFACE, Tree.Kind.ANNOTATION_TYPE);

    /**
     * A public type without Javadoc.
     *
     * @param file the source file
     * @param line the 1-based line of the declaration
     * @param kind class, interface, enum, record or annotation
     * @param name the type's name, nested names joined with dots
     */
    public record Offender(Path file, long line, String kind, String name) {
        @Override
        public String toString() {
            return DocsTree.shown(file) + ":" + line + ": public " + kind + " " + name + " has no Javadoc comment";
        }
    }

    private JavadocCoverage() {
    }

    /** The public types without Javadoc in every {@code .java} file under the roots, in file order. */
    public static List<Offender> offenders(List<Path> sourceRoots) {
        List<Path> files = new ArrayList<>();
        for (Path root : sourceRoots) {
            if (!Files.isDirectory(root)) throw new IllegalStateException("No source directory " + root);
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) throw new IllegalStateException("The Javadoc check needs a JDK, not a JRE.");
        List<Offender> out = new ArrayList<>();
        try (StandardJavaFileManager fm = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            Iterable<? extends JavaFileObject> units = fm.getJavaFileObjectsFromPaths(files);
            JavacTask task = (JavacTask) compiler.getTask(null, fm, null, List.of("-proc:none"), null, units);
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new Scanner(docs, unit, out).scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static final class Scanner extends TreePathScanner<Void, Void> {
        private final DocTrees docs;
        private final CompilationUnitTree unit;
        private final LineMap lines;
        private final List<Offender> out;

        Scanner(DocTrees docs, CompilationUnitTree unit, List<Offender> out) {
            this.docs = docs;
            this.unit = unit;
            this.lines = unit.getLineMap();
            this.out = out;
        }

        @Override
        public Void visitClass(ClassTree type, Void unused) {
            TreePath path = getCurrentPath();
            if (isPublicApi(path) && docs.getDocComment(path) == null) {
                long line = lines.getLineNumber(docs.getSourcePositions().getStartPosition(unit, type));
                out.add(new Offender(Path.of(unit.getSourceFile().toUri()), line, kind(type), name(path)));
            }
            return super.visitClass(type, unused);
        }

        private static boolean isPublicApi(TreePath path) {
            for (TreePath p = path; p != null; p = p.getParentPath()) {
                Tree leaf = p.getLeaf();
                if (leaf instanceof CompilationUnitTree) return true;
                if (!(leaf instanceof ClassTree c)) return false; // local or anonymous: inside a method body
                if (c.getSimpleName().isEmpty()) return false;
                boolean declaredPublic = c.getModifiers().getFlags().contains(Modifier.PUBLIC);
                Tree parent = p.getParentPath().getLeaf();
                boolean memberOfInterface = IMPLICITLY_PUBLIC_MEMBERS.contains(parent.getKind());
                if (!declaredPublic && !memberOfInterface) return false;
            }
            return true;
        }

        private static String name(TreePath path) {
            StringBuilder name = new StringBuilder();
            for (TreePath p = path; p != null && p.getLeaf() instanceof ClassTree c; p = p.getParentPath()) {
                name.insert(0, name.length() == 0 ? c.getSimpleName() : c.getSimpleName() + ".");
            }
            return name.toString();
        }

        private static String kind(ClassTree type) {
            return switch (type.getKind()) {
                case INTERFACE -> "interface";
                case ENUM -> "enum";
                case ANNOTATION_TYPE -> "@interface";
                case RECORD -> "record";
                default -> "class";
            };
        }
    }
}
