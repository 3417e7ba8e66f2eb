package org.javadl.kernel.engine.internals;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.ImportTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.PackageTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;

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
 * Gives each compilation unit of a running cell, right after parsing, exactly the imports of
 * earlier definitions it names, so that the cost of compiling a cell no longer grows with the
 * number of definitions: it removes the {@code REPL} imports JShell wrote that the unit does not
 * name, and, where {@link ReplDefinitions} kept JShell from writing them at all, adds those it does.
 *
 * <p>Why: JShell starts the source of every wrapper class it compiles with one
 * {@code import static REPL.$JShell$N.name;} per live definition (each class, record, method and
 * variable defined so far). javac resolves every import before it looks at the code, and
 * resolving one means reading that wrapper's class file: JShell has javac forget the whole
 * {@code REPL} package after each compilation, and a cell takes two to four compilations. A
 * session with a thousand definitions therefore spent most of every cell on a thousand imports it
 * did not need (soak mix: p95 104 ms for the first 100 cells, 749 ms at cell 5,000).
 *
 * <p>Why this is safe: an import only matters to a simple name written in the compilation unit,
 * and every such name is an identifier in the parsed tree (a type, a method call, a variable, the
 * first part of a qualified name, a type argument, an annotation), whether the user wrote it or
 * JShell generated it. So the unit gets the imports JShell would have written for exactly those
 * names (the same lines, from JShell itself), except for a name the unit declares or already
 * imports from a snippet compiled with it, which JShell leaves out as well; all the user's own
 * imports ({@code import java.util.*}) stay. Types reached without their name (the type of
 * {@code f()} where {@code f} returns a class defined earlier) come from class files, as before.
 *
 * <p>Only compilations that run a cell are changed (those in a {@link CellScope} that trims): completion needs the full
 * scope, since the name being typed is not yet in the source.
 *
 * <p>javac has no API to change a parsed unit; the list of its top-level trees is replaced, and new
 * import trees made with javac's {@code TreeMaker}, by reflection, which needs
 * {@code jdk.compiler/com.sun.tools.javac.{api,tree,util}} opened to this code (the kernel jar's
 * manifest does that; tests pass {@code --add-opens}). Without it this logs once and does nothing,
 * and JShell writes every import as before.
 *
 * <p>JDK members it touches (checked on JDK 17.0.15 and 25.0.3): {@code com.sun.tools.javac.tree.JCTree.JCCompilationUnit.defs} (replaced per unit), {@code com.sun.tools.javac.util.List.from(Iterable)}, {@code com.sun.tools.javac.api.BasicJavacTask.getContext()}, {@code com.sun.tools.javac.tree.TreeMaker.instance(Context)}, {@code at(int)}, {@code Ident(Name)}, {@code Select(JCExpression, Name)}, {@code Import(..., boolean)}, {@code com.sun.tools.javac.util.Names.instance(Context)} and {@code fromString(String)}.
 */
public final class ReplImportTrimmer implements TaskListener {
    private static final Logger LOG = Logger.getLogger(ReplImportTrimmer.class.getName());
    private static final String REPL_PACKAGE = "REPL";
    private static final String WRAPPER_PREFIX = "$JShell$";
    private static final AtomicLong REMOVED = new AtomicLong();
    private static final AtomicLong ADDED = new AtomicLong();
    private static final Access ACCESS = Access.find();

    /** Whether javac's internals can be reached, so that imports are trimmed at all. */
    public static boolean available() {
        return ACCESS != null;
    }

    /**
     * Whether imports are trimmed in fact: javac's internals can be reached and javac has started
     * the plugin that installs the trimmer (it finds it through the file manager; checked after
     * the first compilation, e.g. the start-up imports).
     */
    public static boolean active() {
        return available() && ReplImportPlugin.tasksSoFar() > 0;
    }

    /** Whether imports can also be added to parsed units (see {@link ReplDefinitions}). */
    static boolean canAddImports() {
        return ACCESS != null && ACCESS.canMakeTrees();
    }

    private final JavacTask task;
    private TreeFactory trees;

    ReplImportTrimmer(JavacTask task) {
        this.task = task;
    }

    /** Imports removed so far by all trimmers in this JVM (for tests and logs). */
    public static long removedSoFar() {
        return REMOVED.get();
    }

    /** Imports added so far (see {@link ReplDefinitions}), in this JVM (for tests and logs). */
    public static long addedSoFar() {
        return ADDED.get();
    }

    @Override
    public void finished(TaskEvent e) {
        CellScope cell = CellScope.current();
        if (e.getKind() == TaskEvent.Kind.PARSE && cell != null && cell.trimImports && ACCESS != null) {
            CompilationUnitTree unit = e.getCompilationUnit();
            if (unit != null && unit.getPackageName() instanceof IdentifierTree pkg
                    && pkg.getName().contentEquals(REPL_PACKAGE)) {
                rewrite(unit, pkg.getName(), cell);
            }
        }
    }

    /**
     * Leaves the unit with the {@code REPL} imports it names: removes the others JShell wrote and,
     * when JShell was told to write none ({@link ReplDefinitions}), adds those of the definitions
     * the unit names.
     */
    private void rewrite(CompilationUnitTree unit, Name repl, CellScope cell) {
        Set<Name> named = new HashSet<>();
        List<String> wrappersNamed = new ArrayList<>();
        scanNames(unit, named, wrappersNamed);
        List<Object> kept = new ArrayList<>();
        Set<Name> replImported = new HashSet<>();
        int removed = 0;
        int importsEnd = 0;
        for (Object def : ACCESS.defs(unit)) {
            if (def instanceof ImportTree imp && imp.isStatic()
                    && imp.getQualifiedIdentifier() instanceof MemberSelectTree select
                    && select.getExpression() instanceof MemberSelectTree wrapper
                    && wrapper.getExpression() instanceof IdentifierTree pkg
                    && pkg.getName().equals(repl)) {
                if (!named.contains(select.getIdentifier()) || cell.withholds(select.getIdentifier())) {
                    removed++;
                    continue;
                }
                replImported.add(select.getIdentifier());
                wrappersNamed.add(wrapper.getIdentifier().toString());
            }
            kept.add(def);
            if (def instanceof ImportTree || def instanceof PackageTree) {
                importsEnd = kept.size();
            }
        }
        List<Object> added = new ArrayList<>();
        ReplDefinitions definitions = cell.definitions;
        if (definitions != null) {
            Set<Name> declared = declaredAtTop(unit);
            for (Name n : named) {
                if (declared.contains(n) || replImported.contains(n) || cell.withholds(n)) {
                    continue; // JShell leaves these out too (its "except" and "plus")
                }
                for (String wrapper : definitions.wrappersImporting(n.toString())) {
                    if (trees == null) {
                        trees = ACCESS.treeFactory(task, unit);
                    }
                    added.add(trees.staticImport(repl, wrapper, n));
                    wrappersNamed.add(wrapper);
                }
            }
        }
        if (removed > 0 || !added.isEmpty()) {
            kept.addAll(importsEnd, added);
            ACCESS.setDefs(unit, kept);
            REMOVED.addAndGet(removed);
            ADDED.addAndGet(added.size());
        }
        cell.reachable(wrappersNamed);
    }

    /** Names the unit's top-level classes and their members declare (JShell's wrapper and what it wraps). */
    private static Set<Name> declaredAtTop(CompilationUnitTree unit) {
        Set<Name> names = new HashSet<>();
        for (Tree t : unit.getTypeDecls()) {
            if (t instanceof ClassTree c) {
                names.add(c.getSimpleName());
                for (Tree m : c.getMembers()) {
                    if (m instanceof MethodTree method) {
                        names.add(method.getName());
                    } else if (m instanceof VariableTree v) {
                        names.add(v.getName());
                    } else if (m instanceof ClassTree inner) {
                        names.add(inner.getSimpleName());
                    }
                }
            }
        }
        return names;
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

    /** Makes {@code import static REPL.<wrapper>.<name>;} trees in one compilation's context. */
    private record TreeFactory(Object maker, Object names, Access access) {
        Object staticImport(Name repl, String wrapper, Name name) {
            try {
                Object pkg = access.ident.invoke(maker, repl);
                Object outer = access.select.invoke(maker, pkg, access.fromString.invoke(names, wrapper));
                Object qualid = access.select.invoke(maker, outer, name);
                return access.makeImport.invoke(maker, qualid, true);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot make an import tree", e);
            }
        }
    }

    /** The reflective route to a unit's list of top-level trees, and to javac's tree maker. */
    private record Access(Field defs, Method listFrom, Method getContext, Method makerOf, Method at,
                          Method ident, Method select, Method makeImport, Method namesOf, Method fromString) {
        static Access find() {
            Field defs;
            Method from;
            try {
                Class<?> unitClass = Reflect.type("com.sun.tools.javac.tree.JCTree$JCCompilationUnit");
                defs = unitClass.getField("defs");
                defs.setAccessible(true);
                from = Reflect.publicMethod(Reflect.type("com.sun.tools.javac.util.List"), "from", Iterable.class);
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "javac's trees cannot be changed (" + e + "): every cell imports all earlier "
                        + "definitions, so cells get slower as definitions pile up. Run with --add-opens "
                        + "jdk.compiler/com.sun.tools.javac.tree=ALL-UNNAMED --add-opens "
                        + "jdk.compiler/com.sun.tools.javac.util=ALL-UNNAMED.");
                return null;
            }
            try {
                Class<?> context = Reflect.type("com.sun.tools.javac.util.Context");
                Class<?> nameClass = Reflect.type("com.sun.tools.javac.util.Name");
                Class<?> maker = Reflect.type("com.sun.tools.javac.tree.TreeMaker");
                Class<?> expression = Reflect.type("com.sun.tools.javac.tree.JCTree$JCExpression");
                Class<?> namesClass = Reflect.type("com.sun.tools.javac.util.Names");
                Method makeImport = null;
                for (Method m : maker.getMethods()) { // Import(JCTree, boolean) on 17, Import(JCFieldAccess, boolean) later
                    if (m.getName().equals("Import") && m.getParameterCount() == 2
                            && m.getParameterTypes()[1] == boolean.class) {
                        makeImport = m;
                    }
                }
                if (makeImport == null) {
                    throw new NoSuchMethodException("TreeMaker.Import");
                }
                return new Access(defs, from,
                        Reflect.publicMethod(Reflect.type("com.sun.tools.javac.api.BasicJavacTask"), "getContext"),
                        Reflect.publicMethod(maker, "instance", context),
                        Reflect.publicMethod(maker, "at", int.class),
                        Reflect.publicMethod(maker, "Ident", nameClass),
                        Reflect.publicMethod(maker, "Select", expression, nameClass),
                        Reflect.accessible(makeImport),
                        Reflect.publicMethod(namesClass, "instance", context),
                        Reflect.publicMethod(namesClass, "fromString", String.class));
            } catch (ReflectiveOperationException | RuntimeException e) {
                LOG.log(Level.INFO, "javac's tree maker cannot be reached (" + e + "); JShell keeps writing every "
                        + "definition's import and the unused ones are removed after parsing.");
                return new Access(defs, from, null, null, null, null, null, null, null, null);
            }
        }

        boolean canMakeTrees() {
            return getContext != null;
        }

        TreeFactory treeFactory(JavacTask task, CompilationUnitTree unit) {
            try {
                Object context = getContext.invoke(task);
                Object maker = makerOf.invoke(null, context);
                long start = Trees.instance(task).getSourcePositions().getStartPosition(unit, unit.getPackage());
                maker = at.invoke(maker, (int) Math.max(0, start));
                return new TreeFactory(maker, namesOf.invoke(null, context), this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("javac's tree maker", e);
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
