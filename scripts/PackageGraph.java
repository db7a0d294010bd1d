import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Prints the package graph of Cantor's main code and the cycles in it, read from the sources
 * (run by scripts/package-graph.sh). A package is {@code engine.X} (sub-packages folded in),
 * {@code ui} or {@code ui.X}, or {@code app}; an edge is an import or a fully qualified name in
 * code (comments left out). Reading sources rather than bytecode also sees the constants javac
 * inlines, such as a {@code static final} default read from another package.
 *
 * <p>With {@code --edges} every edge also names the files and classes behind it.
 */
public final class PackageGraph {

    private static final String[] MODULES = {"engine", "ui", "app"};
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** dev.cantor.MODULE.pkg.sub.Class — the package part ends before the first capitalised name. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\bdev\\.cantor\\.((?:engine|ui|app)(?:\\.[a-z][a-z0-9_]*)*)\\.([A-Z]\\w*)");
    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("//[^\\n]*");

    /** from → to → "File.java → Class" examples. */
    private final Map<String, Map<String, Set<String>>> edges = new TreeMap<>();

    public static void main(String[] args) throws IOException {
        Path root = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : ".");
        boolean details = List.of(args).contains("--edges");
        PackageGraph graph = new PackageGraph();
        for (String module : MODULES) {
            Path sources = root.resolve(module).resolve("src/main/java");
            if (Files.isDirectory(sources)) {
                graph.read(sources);
            }
        }
        graph.print(details);
    }

    private void read(Path sources) throws IOException {
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).sorted().forEach(this::readFile);
        }
    }

    private void readFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Matcher pkg = PACKAGE.matcher(text);
        if (!pkg.find() || !pkg.group(1).startsWith("dev.cantor.")) {
            return;
        }
        String from = node(pkg.group(1).substring("dev.cantor.".length()));
        edges.computeIfAbsent(from, k -> new TreeMap<>());
        String code = LINE_COMMENT.matcher(BLOCK_COMMENT.matcher(text).replaceAll(" ")).replaceAll(" ");
        Matcher ref = REFERENCE.matcher(code);
        while (ref.find()) {
            String to = node(ref.group(1));
            if (!to.equals(from)) {
                edges.get(from).computeIfAbsent(to, k -> new TreeSet<>())
                        .add(file.getFileName().toString().replace(".java", "") + " → " + ref.group(2));
            }
        }
    }

    /** engine.api.story → engine.api; ui.story stays ui.story; app.x → app. */
    private static String node(String pkg) {
        String[] parts = pkg.split("\\.");
        return switch (parts[0]) {
            case "engine", "ui" -> parts.length > 1 ? parts[0] + "." + parts[1] : parts[0];
            default -> parts[0];
        };
    }

    private void print(boolean details) {
        System.out.println("Package graph of Cantor's main code (imports and qualified names in src/main/java)");
        int width = edges.keySet().stream().mapToInt(String::length).max().orElse(0);
        for (Map.Entry<String, Map<String, Set<String>>> e : edges.entrySet()) {
            System.out.printf("  %-" + width + "s → %s%n", e.getKey(), String.join(" ", e.getValue().keySet()));
            if (details) {
                e.getValue().forEach((to, why) -> System.out.println("      " + to + ": " + String.join(", ", why)));
            }
        }
        List<List<String>> cycles = stronglyConnected().stream().filter(c -> c.size() > 1).toList();
        System.out.println();
        System.out.println(cycles.isEmpty() ? "No cycles." : "Cycles (packages that reach each other): " + cycles.size());
        for (List<String> group : cycles) {
            System.out.println("  " + String.join(", ", group));
            Set<String> members = new TreeSet<>(group);
            for (String from : members) {
                for (Map.Entry<String, Set<String>> to : edges.get(from).entrySet()) {
                    if (members.contains(to.getKey())) {
                        System.out.println("    " + from + " → " + to.getKey() + ": " + examples(to.getValue()));
                    }
                }
            }
        }
    }

    private static String examples(Set<String> why) {
        List<String> first = why.stream().limit(4).toList();
        return String.join(", ", first) + (why.size() > first.size() ? ", … (" + why.size() + " in all)" : "");
    }

    /** Tarjan's strongly connected components, each sorted, in the order they close. */
    private List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        for (String v : edges.keySet()) {
            if (!index.containsKey(v)) {
                visit(v, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private void visit(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
                       Set<String> onStack, List<List<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : edges.getOrDefault(v, Map.of()).keySet()) {
            if (!index.containsKey(w)) {
                visit(w, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> group = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                group.add(w);
            } while (!w.equals(v));
            group.sort(null);
            out.add(group);
        }
    }
}
