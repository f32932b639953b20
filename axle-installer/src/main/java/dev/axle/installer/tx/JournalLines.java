package dev.axle.installer.tx;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A batch of journal lines, built apart from the journal and written to it with one write. */
final class JournalLines {
    private final JournalCodec codec;
    private final StringBuilder text = new StringBuilder();

    JournalLines(JournalCodec codec) {
        this.codec = codec;
    }

    JournalLines folderMade(Path folder) {
        return line('D', folder, null);
    }

    JournalLines created(Path path) {
        return line('C', path, null);
    }

    JournalLines stashed(Path original, Path stashed) {
        return line('S', original, stashed);
    }

    JournalLines stashFolder(Path folder) {
        return line('X', folder, null);
    }

    JournalLines prune(Path folder) {
        return line('P', folder, null);
    }

    JournalLines creationsUndone() {
        text.append("U\n");
        return this;
    }

    JournalLines committed() {
        text.append("K\n");
        return this;
    }

    boolean isEmpty() {
        return text.isEmpty();
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private JournalLines line(char kind, Path first, Path second) {
        text.append(kind).append('\t');
        codec.appendPath(text, first);
        if (second != null) {
            text.append('\t');
            codec.appendPath(text, second);
        }
        text.append('\n');
        return this;
    }
}
