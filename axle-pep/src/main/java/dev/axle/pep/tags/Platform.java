package dev.axle.pep.tags;

import java.util.List;

/**
 * The operating system and architecture an interpreter runs on, described rather than
 * detected, and the platform tags it supports (packaging's {@code platform_tags()} for
 * that system), most preferred first.
 */
public sealed interface Platform permits Linux, MacOS, Windows, Ios, Android, Emscripten, OtherPlatform {
    /** The platform tags, most preferred first. */
    List<String> platformTags();

    /** {@code sysconfig.get_platform()} text as a tag: {@code .}, {@code -} and spaces become {@code _}. */
    static String normalize(String platform) {
        return platform.replace('.', '_').replace('-', '_').replace(' ', '_');
    }
}
