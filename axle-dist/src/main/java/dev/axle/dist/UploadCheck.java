package dev.axle.dist;

import dev.axle.pep.MetadataField;
import dev.axle.pep.ProjectName;
import dev.axle.pep.Version;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks an index makes on a legacy upload, with PyPI's reasons: the form alone
 * ({@link #checkForm}), then the form against the uploaded file ({@link #check}).
 *
 * <p>Digests: {@code sha256_digest} and {@code md5_digest} are checked against the file
 * when given, and at least one of them is required. {@code blake2_256_digest} is only
 * checked for its form (64 hex digits): the JDK has no BLAKE2, so it cannot be compared
 * with the file and it does not count as the required digest (PyPI, which can compare
 * it, accepts it alone; twine and uv always send SHA-256 as well).
 */
public final class UploadCheck {
    private static final Pattern HEX64 = Pattern.compile("[0-9A-Fa-f]{64}");
    private static final Pattern HEX32 = Pattern.compile("[0-9A-Fa-f]{32}");

    private UploadCheck() {}

    /**
     * Checks the form and that it describes {@code distribution}: filetype matching its
     * kind, name and version matching its metadata (normalized names, PEP 440 versions:
     * twine sends a name with runs of other characters than letters, digits and {@code .}
     * replaced by {@code -}), and every digest given matching the file.
     *
     * @throws UploadRejectedException with the reason for the 400 answer
     */
    public static void check(UploadForm form, Distribution distribution) throws UploadRejectedException {
        checkForm(form);
        if (!form.filetype().equals(distribution.kind().filetype())) {
            throw new UploadRejectedException("Invalid value for filetype. Error: '" + form.filetype()
                    + "' does not match '" + distribution.filename() + "', "
                    + (distribution.kind() == DistributionKind.WHEEL ? "a wheel" : "an sdist")
                    + " (use " + distribution.kind().filetype() + ").");
        }
        ProjectName name = ProjectName.parse(form.name());
        if (!name.equals(distribution.name())) {
            throw new UploadRejectedException("The name in the upload form ('" + form.name()
                    + "') does not match the name in the file's metadata ('"
                    + distribution.metadata().string(MetadataField.NAME).orElse("") + "').");
        }
        Version version = Version.parse(form.version());
        if (!version.equals(distribution.version())) {
            throw new UploadRejectedException("The version in the upload form ('" + form.version()
                    + "') does not match the version in the file's metadata ('" + distribution.version() + "').");
        }
        Digests digests = distribution.digests();
        matches("sha256", form.sha256Digest(), digests.sha256());
        matches("md5", form.md5Digest(), digests.md5());
    }

    /**
     * Checks the form alone, before the file is read: {@code :action} is
     * {@code file_upload}, {@code protocol_version} is {@code 1} (or absent), name, version
     * and filetype are given and well-formed, and at least one checkable digest is given.
     *
     * @throws UploadRejectedException with the reason for the 400 answer
     */
    public static void checkForm(UploadForm form) throws UploadRejectedException {
        String action = form.action();
        if (action.isEmpty()) {
            throw new UploadRejectedException("Missing :action field (use file_upload).");
        }
        if (!action.equals("file_upload")) {
            throw new UploadRejectedException("Unsupported :action '" + action + "': only file_upload is supported.");
        }
        if (!form.protocolVersion().orElse("1").equals("1")) {
            throw new UploadRejectedException("Unknown protocol version.");
        }
        required(form, "name");
        required(form, "version");
        required(form, "filetype");
        if (!ProjectName.isValid(form.name())) {
            throw new UploadRejectedException("Invalid value for name. Error: Start and end with a letter or numeral"
                    + " containing only ASCII numeric and '.', '_' and '-'.");
        }
        if (Version.tryParse(form.version()).isEmpty()) {
            throw new UploadRejectedException("Invalid value for version. Error: '" + form.version()
                    + "' is not a valid PEP 440 version.");
        }
        String filetype = form.filetype();
        if (!filetype.equals(DistributionKind.WHEEL.filetype()) && !filetype.equals(DistributionKind.SDIST.filetype())) {
            throw new UploadRejectedException("Invalid value for filetype. Error: Use a known file type.");
        }
        wellFormed("sha256_digest", form.sha256Digest(), HEX64, "SHA256");
        wellFormed("md5_digest", form.md5Digest(), HEX32, "MD5");
        wellFormed("blake2_256_digest", form.blake2_256Digest(), HEX64, "blake2");
        if (form.sha256Digest().isEmpty() && form.md5Digest().isEmpty()) {
            throw new UploadRejectedException("Include at least one message digest (sha256_digest or md5_digest).");
        }
    }

    private static void required(UploadForm form, String field) throws UploadRejectedException {
        if (form.first(field).isEmpty()) {
            throw new UploadRejectedException("Invalid value for " + field + ". Error: This field is required.");
        }
    }

    private static void wellFormed(String field, Optional<String> value, Pattern hex, String algorithm)
            throws UploadRejectedException {
        if (value.isPresent() && !hex.matcher(value.get()).matches()) {
            throw new UploadRejectedException("Invalid value for " + field + ". Error: Use a valid, hex-encoded, "
                    + algorithm + " message digest.");
        }
    }

    private static void matches(String algorithm, Optional<String> given, String actual)
            throws UploadRejectedException {
        if (given.isEmpty()) {
            return;
        }
        byte[] a = given.get().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(a, actual.getBytes(StandardCharsets.US_ASCII))) {
            throw new UploadRejectedException("The digest supplied does not match a digest calculated from the"
                    + " uploaded file (" + algorithm + ": given " + given.get() + ", file has " + actual + ").");
        }
    }
}
