/**
 * PEP 751 lock files ({@code pylock.toml}): {@link dev.axle.lock.Pylock} and its parts as
 * immutable records, validation with packaging 26.3's rules and messages, a deterministic
 * writer, and {@link dev.axle.lock.Pylock#select selection} of what to install for a target.
 * Pure: text in, text out; {@link dev.axle.lock.Pylock#read(java.nio.file.Path)} is the only IO.
 */
package dev.axle.lock;
