package dev.axle.mirror.filter;

/** Whether one file of a project is mirrored, seen alone. */
@FunctionalInterface
public interface FileFilter {
    boolean accepts(ListedFile file);
}
