package dev.axle.cli;

import dev.axle.installer.db.DependencyTree.Node;
import dev.axle.installer.db.DependencyTree.Status;
import dev.axle.pep.Requirement;
import java.util.ArrayList;
import java.util.List;

/**
 * A dependency tree as text: {@code name v1.0}, under it each edge as
 * {@code ├── name[extra] v2.0 [required: >=1.5]} (inverted: {@code [requires: name>=1.5]}),
 * with {@code (extra: x)} for an edge that only an extra brings, {@code (missing)} and
 * {@code (conflict)} for unmet requirements, and {@code (*)} for a subtree shown earlier.
 */
final class TreeLines {
    private TreeLines() {}

    static List<String> render(List<Node> roots, boolean inverted) {
        List<String> out = new ArrayList<>();
        for (Node root : roots) {
            out.add(label(root, inverted));
            children(root, "", inverted, out);
        }
        return out;
    }

    private static void children(Node node, String indent, boolean inverted, List<String> out) {
        List<Node> children = node.children();
        for (int i = 0; i < children.size(); i++) {
            boolean last = i == children.size() - 1;
            out.add(indent + (last ? "└── " : "├── ") + label(children.get(i), inverted));
            children(children.get(i), indent + (last ? "    " : "│   "), inverted, out);
        }
    }

    static String label(Node node, boolean inverted) {
        StringBuilder b = new StringBuilder(node.name().toString());
        if (!node.extras().isEmpty()) {
            b.append('[').append(String.join(",", node.extras().stream().sorted().toList())).append(']');
        }
        node.version().ifPresent(v -> b.append(" v").append(v));
        if (inverted) {
            node.requirementText().ifPresent(r -> b.append(" [requires: ").append(r).append(']'));
        } else {
            node.requirement().ifPresent(r -> b.append(" [required: ").append(asked(r)).append(']'));
        }
        node.viaExtra().ifPresent(e -> b.append(" (extra: ").append(e).append(')'));
        if (node.status() == Status.MISSING) {
            b.append(" (missing)");
        } else if (node.status() == Status.CONFLICT) {
            b.append(" (conflict)");
        }
        if (node.repeated()) {
            b.append(" (*)");
        }
        return b.toString();
    }

    /** What a requirement asks of the version, its marker left out: the specifier ({@code *} for any) or URL. */
    private static String asked(Requirement r) {
        String what = r.url().map(u -> "@ " + u).orElseGet(() -> r.specifier().toString());
        return what.isEmpty() ? "*" : what;
    }
}
