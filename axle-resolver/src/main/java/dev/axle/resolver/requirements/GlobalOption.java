package dev.axle.resolver.requirements;

/**
 * A pip option written in a requirements file that applies to the whole install, such as
 * {@code --index-url URL} or {@code --pre}.
 *
 * @param name which option
 * @param value its argument; empty for a flag. A relative {@code --find-links} path is taken
 *     from the requirements file's folder.
 * @param origin the file and line it came from
 */
public record GlobalOption(Name name, String value, Origin origin) {

    /** The global options pip accepts in requirements files. */
    public enum Name {
        INDEX_URL("--index-url", "-i", true),
        EXTRA_INDEX_URL("--extra-index-url", null, true),
        FIND_LINKS("--find-links", "-f", true),
        NO_INDEX("--no-index", null, false),
        PRE("--pre", null, false),
        PREFER_BINARY("--prefer-binary", null, false),
        ONLY_BINARY("--only-binary", null, true),
        NO_BINARY("--no-binary", null, true),
        TRUSTED_HOST("--trusted-host", null, true),
        REQUIRE_HASHES("--require-hashes", null, false),
        USE_FEATURE("--use-feature", null, true);

        private final String spelling;
        private final String shortSpelling;
        private final boolean takesValue;

        Name(String spelling, String shortSpelling, boolean takesValue) {
            this.spelling = spelling;
            this.shortSpelling = shortSpelling;
            this.takesValue = takesValue;
        }

        /** The long option as pip spells it, such as {@code --index-url}. */
        public String spelling() {
            return spelling;
        }

        String shortSpelling() {
            return shortSpelling;
        }

        boolean takesValue() {
            return takesValue;
        }
    }

    @Override
    public String toString() {
        return value.isEmpty() ? name.spelling() : name.spelling() + " " + value;
    }
}
