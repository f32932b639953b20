package dev.axle.resolver.requirements;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A distribution named by where it is rather than by version: {@code name @ url}, a bare URL
 * ({@code https://.../x-1.0-py3-none-any.whl}, {@code git+https://...}) or a local path to a
 * project folder, wheel or sdist.
 *
 * @param url the URL as written, or the {@code file:} URL of {@link #path()}
 * @param path for a reference written as a path: the absolute path, taken from the requirements file's folder
 */
public record DirectReference(String url, Optional<Path> path) {
    private static final List<String> VCS = List.of("git", "hg", "svn", "bzr");
    /** pip's archive suffixes: a bare name with one of these is a file, not a project name. */
    private static final List<String> ARCHIVES = List.of(".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tbz",
            ".tar.xz", ".txz", ".tar.lz", ".tlz", ".tar.lzma", ".tar");
    private static final Pattern FRAGMENT_HASH = Pattern.compile("(?:^|&)(sha1|sha224|sha256|sha384|sha512|md5)=([0-9a-fA-F]+)");
    private static final Pattern EGG = Pattern.compile("(?:^|&)egg=([^&]*)");

    static DirectReference ofUrl(String url) {
        return new DirectReference(url, Optional.empty());
    }

    /** As pip does, the path is made absolute and normal ({@code a/./b/../c} is {@code a/c}). */
    static DirectReference ofPath(Path path) {
        Path normal = path.toAbsolutePath().normalize();
        return new DirectReference(normal.toUri().toString(), Optional.of(normal));
    }

    /** Whether a requirement line is a URL to pip: {@code http}, {@code https}, {@code file} or a VCS scheme. */
    static boolean isUrl(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return false;
        }
        String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
        String vcs = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        return scheme.equals("http") || scheme.equals("https") || scheme.equals("file") || VCS.contains(vcs);
    }

    /** Whether pip would take the text for a path: it has a separator or starts with a dot. */
    static boolean looksLikePath(String text) {
        return text.contains("/") || text.contains("\\") || text.startsWith(".");
    }

    static boolean isArchive(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return ARCHIVES.stream().anyMatch(lower::endsWith);
    }

    /** A version control URL ({@code git+https://...}, {@code hg+ssh://...}): needs a checkout, not a download. */
    public boolean isVcs() {
        String scheme = url.substring(0, Math.max(0, url.indexOf(':'))).toLowerCase(Locale.ROOT);
        return VCS.contains(scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme);
    }

    /** The last segment of the URL's path, without query or fragment: a wheel's or sdist's file name. */
    public String fileName() {
        String withoutFragment = url.split("[#?]", 2)[0];
        String trimmed = withoutFragment.endsWith("/") ? withoutFragment.substring(0, withoutFragment.length() - 1)
                : withoutFragment;
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** Whether the reference is a wheel file. */
    public boolean isWheel() {
        return fileName().toLowerCase(Locale.ROOT).endsWith(".whl");
    }

    /** The digest in the URL's fragment ({@code #sha256=...}), which pip checks like a {@code --hash}. */
    public Optional<Hash> hash() {
        Matcher m = FRAGMENT_HASH.matcher(fragment());
        return m.find() ? Optional.of(new Hash(m.group(1), m.group(2).toLowerCase(Locale.ROOT))) : Optional.empty();
    }

    /** The project name in a {@code #egg=name} fragment, the old way to name a VCS or archive URL. */
    public Optional<String> eggName() {
        Matcher m = EGG.matcher(fragment());
        return m.find() && !m.group(1).isEmpty() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private String fragment() {
        int hash = url.indexOf('#');
        return hash < 0 ? "" : url.substring(hash + 1);
    }

    @Override
    public String toString() {
        return path.map(Path::toString).orElse(url);
    }
}
