package dev.axle.installer.tx;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The folder decisions of one batch of creations: which folders are missing and must be made
 * (parents first), and which paths stand where a folder must go and must be stashed. What the
 * transaction already knows about a folder ({@code known}: true when it made it) saves the
 * checks; each folder is checked at most once per batch.
 */
final class FolderPlan {
    private final Map<Path, Boolean> known;
    final Map<Path, Boolean> decisions = new HashMap<>();
    final List<Path> newFolders = new ArrayList<>();
    final Set<Path> inTheWay = new LinkedHashSet<>();

    FolderPlan(Map<Path, Boolean> known) {
        this.known = known;
    }

    /** Whether {@code folder} is (or will be) made by this transaction; plans it when missing. */
    boolean made(Path folder) {
        Boolean made = decisions.get(folder);
        if (made == null) {
            made = known.get(folder);
        }
        if (made == null) {
            made = inspect(folder);
        }
        decisions.put(folder, made);
        return made;
    }

    private boolean inspect(Path folder) {
        if (Files.isDirectory(folder)) {
            return false;
        }
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            inTheWay.add(folder);
        }
        Path parent = folder.getParent();
        if (parent != null) {
            made(parent);
        }
        newFolders.add(folder);
        return true;
    }
}
