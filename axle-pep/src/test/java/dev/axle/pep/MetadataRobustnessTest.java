package dev.axle.pep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.axle.pep.record.InvalidRecordException;
import dev.axle.pep.record.Record;
import dev.axle.pep.record.RecordEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * Hostile inputs: only the documented exceptions may escape, nothing recurses without bound,
 * and megabyte inputs take linear time.
 */
class MetadataRobustnessTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private static <T> T timed(Callable<T> work) throws Exception {
        long start = System.nanoTime();
        T result = work.call();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(LIMIT);
        return result;
    }

    private static void contentType(String value) {
        try {
            MetadataValidator.convert(MetadataField.DESCRIPTION_CONTENT_TYPE, value);
        } catch (InvalidMetadataException expected) {
            // the only failure allowed
        }
    }

    @Test
    void contentTypeCommentsNestAsDeepAsPythonAllows() {
        String nested = "text/plain; charset=utf-8 " + "(".repeat(450) + ")".repeat(450);
        assertThat(MetadataValidator.convert(MetadataField.DESCRIPTION_CONTENT_TYPE, nested)).isEqualTo(nested);
        assertThatThrownBy(() -> MetadataValidator.convert(MetadataField.DESCRIPTION_CONTENT_TYPE,
                "text/plain; charset=utf-8 " + "(".repeat(1_000_000)))
                .isInstanceOf(InvalidMetadataException.class)
                .hasMessageEndingWith("is not a valid content type for 'description-content-type'");
    }

    @Test
    void megabyteContentTypesAreLinear() throws Exception {
        List<String> hostile = List.of(
                "text/plain; a=\"" + "=?".repeat(500_000) + "\"",
                "text/plain; a=\"" + "=?x?q?".repeat(200_000),
                "text/plain" + "; a=b".repeat(200_000),
                "text/plain" + "; a*1*=x".repeat(100_000),
                "text/plain; " + "a".repeat(1_000_000),
                "text/plain (" + "\\(".repeat(500_000) + ")",
                "text/plain; x=" + "\"\\\"".repeat(300_000),
                ";".repeat(1_000_000),
                "(".repeat(500_000),
                "\"".repeat(1_000_000));
        for (String value : hostile) {
            timed(() -> {
                contentType(value);
                return null;
            });
        }
    }

    @Test
    void megabyteMetadataIsLinear() throws Exception {
        String longValue = "Summary: " + "x".repeat(1_000_000) + "\n";
        String folded = "Author: a" + "\n b".repeat(300_000) + "\n";
        String manyUnknown = "X-Field: 1\n".repeat(100_000);
        String manyExtras = "Provides-Extra: e\n".repeat(100_000);
        String manyRequirements = "Requires-Dist: name[a,b]>=1.0; python_version >= '3.8'\n".repeat(20_000);
        for (String fields : List.of(longValue, folded, manyUnknown, manyExtras, manyRequirements)) {
            String text = "Metadata-Version: 2.4\nName: x\nVersion: 1\n" + fields + "\n" + "body\n".repeat(100_000);
            timed(() -> {
                RawMetadata raw = RawMetadata.parseEmail(text);
                failsOnlyWith(InvalidMetadataException.class, () -> Metadata.fromEmail(text));
                assertThat(RawMetadata.parseEmail(raw.toEmail())).isEqualTo(raw);
                return null;
            });
        }
        String licenses = "License-Expression: " + "(mit or ".repeat(100_000) + "mit\n";
        timed(() -> catchThrowable(() -> Metadata.fromEmail("Metadata-Version: 2.4\nName: x\nVersion: 1\n" + licenses)));
    }

    @Test
    void megabyteRecordsAreLinear() throws Exception {
        List<RecordEntry> entries = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            entries.add(RecordEntry.of("pkg/module_" + i + ",with \"quotes\".py", new byte[] {(byte) i}));
        }
        Record record = Record.of(entries);
        String text = record.toString();
        Record read = timed(() -> Record.parse(text));
        assertThat(read).isEqualTo(record);
        for (RecordEntry e : entries) {
            assertThat(read.entry(e.path())).hasValue(e);
        }
        timed(() -> catchThrowable(() -> Record.parse("\"" + "a".repeat(2_000_000))));
    }

    private static void failsOnlyWith(Class<? extends Throwable> allowed, Runnable parse) {
        Throwable t = catchThrowable(parse::run);
        if (t != null) {
            assertThat(t).isInstanceOf(allowed);
        }
    }

    /** Random compositions of each grammar's tokens: parsing either succeeds or fails cleanly. */
    @Test
    void randomInputsFailOnlyWithTheDocumentedExceptions() {
        Random random = new Random(42);
        String[] tokens = {"text", "/", "plain", ";", " ", "\t", "\n", "\r", "=", "\"", "'", "*", "0", "1", "%", "(",
                ")", "\\", "=?", "?=", "?", "q", "b", ",", ".", ":", "Name", "Version", "Description", "\u00e9",
                "\u0000", "\u2028", "mit", "or", "and", "with", "LicenseRef-", "+", "\ud800", "From "};
        for (int i = 0; i < 20_000; i++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                b.append(tokens[random.nextInt(tokens.length)]);
            }
            String s = b.toString();
            contentType(s);
            failsOnlyWith(InvalidLicenseExpressionException.class, () -> LicenseExpression.parse(s));
            RawMetadata raw = RawMetadata.parseEmail(s);
            assertThat(RawMetadata.parseEmail(s.getBytes(StandardCharsets.UTF_8))).isNotNull();
            failsOnlyWith(InvalidMetadataException.class, () -> Metadata.fromEmail(s));
            assertThat(catchThrowable(() -> Metadata.fromRawLenient(raw))).isNull();
            failsOnlyWith(InvalidRecordException.class, () -> Record.parse(s));
        }
    }
}
