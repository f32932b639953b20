package dev.axle.server.proxy;

import dev.axle.server.store.Release;
import dev.axle.server.store.StoredFile;
import java.util.List;

/**
 * A project as a proxy index shows it: its upstream page's files (each addressed on the proxy
 * index, kept or not yet) and the files it keeps.
 *
 * @param lastSerial the serial of the last change the proxy saw: a file kept, or a new page
 */
public record ProxiedProject(String displayName, long lastSerial, List<StoredFile> files, List<Release> releases) {
    public ProxiedProject {
        files = List.copyOf(files);
        releases = List.copyOf(releases);
    }
}
