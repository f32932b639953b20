/**
 * The global cache of unpacked wheels ({@link dev.axle.installer.cache.WheelCache}, keyed by the
 * wheel file's sha256) and the {@link dev.axle.installer.cache.Linker} that makes installed files
 * from it by clone, hard link or copy.
 */
package dev.axle.installer.cache;
