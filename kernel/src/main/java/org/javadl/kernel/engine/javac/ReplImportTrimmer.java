package org.javadl.kernel.engine.javac;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;

import javax.lang.model.element.Name;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Removes, right after parsing, the imports of earlier definitions that a JShell wrapper does not
 * name, so that the cost of compiling a cell no longer grows with the number of definitions.
 *
 * <p>Why: JShell starts the source of every wrapper class it compiles with one
 * {@code import static REPL.$JShell$N.name;} per live definition (each class, record, method and
 * variable defined so far). javac resolves every import before it looks at the code, and
 * resolving one means reading that wrapper's class file: JShell has javac forget the whole
 * {@code REPL} package after each compilation, and a cell takes two to four compilations. A
 * session with a thousand definitions therefore spent most of every cell reading a thousand class
 * files it did not need (soak mix: p95 104 ms for the first 100 cells, 749 ms at cell 5,000).
 *
 * <p>Why removing them is safe: an import only matters to a simple name written in the
 * compilation unit, and every such name is an identifier in the parsed tree (a type, a method
 * call, a variable, the first part of a qualified name, a type argument, an annotation), whether
 * the user wrote it or JShell generated it. An import whose name occurs nowhere in the unit cannot
 * change how anything in it resolves, so it goes; every other import stays, including all the
 * user's own ({@code import java.util.*}) and every overload or shadowing import of a name that
 * occurs. Types reached without their name (the type of {@code f()} where {@code f} returns a
 * class defined earlier) come from class files, as before.
 *
 * <p>Only compilations that run a cell are trimmed ({@link #during}): completion needs the full
 * scope, since the name being typed is not yet in the source.
 *
 * <p>javac has no API to change a parsed unit; the list of its top-level trees is replaced by
 * reflection, which needs {@code jdk.compiler/com.sun.tools.javac.tree} and
 * {@code jdk.compiler/com.sun.tools.javac.util} opened to this code (the kernel jar's manifest does
 * that; tests pass {@code --add-opens}). Without it the trimmer logs once and does nothing.
 */
public final class ReplImportTrimmer implements TaskListener {
    private static final Logger LOG = Logger.getLogger(ReplImportTrimmer.class.getName());
    private static final String REPL_PACKAGE = "REPL";
    private static final String WRAPPER_PREFIX = "$JShell$";
    private static final ThreadLocal<Boolean> ACTIVE = ThreadLocal.withInitial(() -> Boolean.FALSE);
    private static final AtomicLong REMOVED = new AtomicLong();
    private static final Access ACCESS = Access.find();

    /** Whether javac's internals can be reached, so that imports are trimmed at all. */
    public static boolean available() {
        return ACCESS != null;
    }

    /**
     * Trims the compilations this thread runs until the returned scope is closed (JShell compiles
     * on the thread that calls {@code eval} or {@code drop}). Scopes nest.
     */
    public static Scope during() {
        boolean before = ACTIVE.get();
        ACTIVE.set(Boolean.TRUE);
        return () -> ACTIVE.set(before);
    }

    /** Imports removed so far by all trimmers in this JVM (for tests and logs). */
    public static long removedSoFar() {
        return REMOVED.get();
    }

    /** What {@link #during} returns: closing it ends the trimming it started. */
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void finished(TaskEvent e) {
        if (e.getKind() == TaskEvent.Kind.PARSE && ACTIVE.get() && ACCESS != null) {
            CompilationUnitTree unit = e.getCompilationUnit();
            if (unit != null && unit.getPackageName() instanceof IdentifierTree pkg
                    && pkg.getName().contentEquals(REPL_PACKAGE)) {
                trim(unit, pkg.getName());
            }
        }
    }

    private static void trim(CompilationUnitTree unit, Name repl) {
        Set<Name> named = new HashSet<>();
        List<String> wrappersNamed = new ArrayList<>();
        scanNames(unit, named, wrappersNamed);
        List<Object> kept = new ArrayList<>();
        int removed = 0;
        List<?> defs = ACCESS.defs(unit);
        for (Object def : defs) {
            if (def instanceof ImportTree imp && imp.isStatic()
                    && imp.getQualifiedIdentifier() instanceof MemberSelectTree select
                    && select.getExpression() instanceof MemberSelectTree wrapper
                    && wrapper.getExpression() instanceof IdentifierTree pkg
                    && pkg.getName().equals(repl)) {
                if (!named.contains(select.getIdentifier())) {
                    removed++;
                    continue;
                }
                wrappersNamed.add(wrapper.getIdentifier().toString());
            }
            kept.add(def);
        }
        if (removed > 0) {
            ACCESS.setDefs(unit, kept);
            REMOVED.addAndGet(removed);
        }
        ReplClassListing.reachable(wrappersNamed);
    }

    /**
     * Collects every simple name written in the unit outside its imports into {@code names}, and
     * into {@code wrappers} the wrapper classes ({@code $JShell$12}) that code JShell generated
     * names itself. Names are javac's own {@link Name}s (one table per compilation, so equal names
     * are equal objects): decoding a thousand imports into strings per compilation cost as much
     * as removing them saved.
     */
    private static void scanNames(CompilationUnitTree unit, Set<Name> names, List<String> wrappers) {
        new TreeScanner<Void, Void>() {
            @Override
            public Void visitImport(ImportTree node, Void unused) {
                return null;
            }

            @Override
            public Void visitIdentifier(IdentifierTree node, Void unused) {
                names.add(node.getName());
                noteWrapper(node.getName());
                return null;
            }

            @Override
            public Void visitMemberSelect(MemberSelectTree node, Void unused) {
                noteWrapper(node.getIdentifier());
                return super.visitMemberSelect(node, unused);
            }

            private void noteWrapper(Name name) {
                if (name.length() > WRAPPER_PREFIX.length() && name.charAt(0) == '$'
                        && name.toString().startsWith(WRAPPER_PREFIX)) {
                    wrappers.add(name.toString());
                }
            }
        }.scan(unit, null);
    }

    /** The reflective route to a unit's list of top-level trees. */
    private record Access(Field defs, Method listFrom) {
        static Access find() {
            try {
                Class<?> unitClass = Class.forName("com.sun.tools.javac.tree.JCTree$JCCompilationUnit", false,
                        Tree.class.getClassLoader());
                Field defs = unitClass.getField("defs");
                defs.setAccessible(true);
                Class<?> listClass = Class.forName("com.sun.tools.javac.util.List", false, Tree.class.getClassLoader());
                Method from = listClass.getMethod("from", Iterable.class);
                from.setAccessible(true);
                return new Access(defs, from);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "javac's trees cannot be changed (" + e + "): every cell imports all earlier "
                        + "definitions, so cells get slower as definitions pile up. Run with --add-opens "
                        + "jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-opens "
                        + "jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED.");
                return null;
            }
        }

        List<?> defs(CompilationUnitTree unit) {
            try {
                return (List<?>) defs.get(unit);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        void setDefs(CompilationUnitTree unit, List<Object> trees) {
            try {
                defs.set(unit, listFrom.invoke(null, trees));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
