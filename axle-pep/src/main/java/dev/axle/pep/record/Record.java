package dev.axle.pep.record;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A RECORD file ({@code .dist-info/RECORD}): the files of an installed distribution or of
 * a wheel with their hashes and sizes, one CSV row {@code path,hash,size} per file.
 *
 * <p>Reading follows Python's {@code csv} module as pip and installer use it; writing gives
 * what installer and wheel builders write (LF line ends, minimal quoting), so paths with
 * commas, quotes or line breaks survive a round trip.
 */
public final class Record {
    private final List<RecordEntry> entries;
    private final Map<String, RecordEntry> byPath = new HashMap<>();

    private Record(List<RecordEntry> entries) {
        this.entries = entries;
        for (RecordEntry e : entries) {
            byPath.putIfAbsent(e.path(), e);
        }
    }

    public static Record of(List<RecordEntry> entries) {
        return new Record(List.copyOf(entries));
    }

    /**
     * Reads RECORD text.
     *
     * @throws InvalidRecordException naming the line of the first row that is not
     *     {@code path,hash,size} with a non-empty path, an {@code algorithm=digest} or empty
     *     hash, and a decimal or empty size
     */
    public static Record parse(String text) {
        if (text == null) {
            throw new InvalidRecordException("no RECORD text (null)");
        }
        List<RecordEntry> entries = new ArrayList<>();
        for (Csv.Row row : Csv.read(text)) {
            entries.add(entry(row));
        }
        return new Record(List.copyOf(entries));
    }

    /** Reads a RECORD file's bytes, which must be UTF-8. */
    public static Record parse(byte[] data) {
        if (data == null) {
            throw new InvalidRecordException("no RECORD text (null)");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InvalidRecordException("RECORD is not UTF-8");
        }
        return parse(text);
    }

    private static RecordEntry entry(Csv.Row row) {
        List<String> f = row.fields();
        if (f.size() != 3) {
            throw new InvalidRecordException(row.line(), "expected 3 fields (path, hash, size), got " + f.size());
        }
        if (f.get(0).isEmpty()) {
            throw new InvalidRecordException(row.line(), "empty path");
        }
        Optional<RecordHash> hash;
        try {
            hash = f.get(1).isEmpty() ? Optional.empty() : Optional.of(RecordHash.parse(f.get(1)));
        } catch (InvalidRecordException e) {
            throw new InvalidRecordException(row.line(), e.getMessage() + " (for " + RecordHash.quote(f.get(0)) + ")");
        }
        return new RecordEntry(f.get(0), hash, size(row.line(), f.get(0), f.get(2)));
    }

    private static OptionalLong size(int line, String path, String size) {
        if (size.isEmpty()) {
            return OptionalLong.empty();
        }
        boolean digits = size.length() <= 18;
        for (int i = 0; i < size.length() && digits; i++) {
            digits = size.charAt(i) >= '0' && size.charAt(i) <= '9';
        }
        if (!digits) {
            throw new InvalidRecordException(line, "size " + RecordHash.quote(size) + " of "
                    + RecordHash.quote(path) + " is not a number of bytes");
        }
        return OptionalLong.of(Long.parseLong(size));
    }

    public List<RecordEntry> entries() {
        return entries;
    }

    /** The first entry for {@code path}. */
    public Optional<RecordEntry> entry(String path) {
        return Optional.ofNullable(byPath.get(path));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Record r && entries.equals(r.entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** The RECORD file's text: one row per entry, each ended by LF. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(entries.size() * 80);
        for (RecordEntry e : entries) {
            Csv.writeRow(out, e.fields());
        }
        return out.toString();
    }
}
