package dev.axle.installer.removal;

import java.nio.file.Path;

/** Deletes the tree named by its argument and prints the result: run without root's powers by the tests. */
public final class RemovalChild {
    private RemovalChild() {}

    public static void main(String[] args) {
        RemovalResult result = Removal.deleteTree(Path.of(args[0]), RemovalListener.NONE);
        System.out.println("removed " + result.removed());
        result.left().forEach(left -> System.out.println("left " + left));
    }
}
