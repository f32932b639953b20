/**
 * The installation database of a Python environment, read as Python and pip read it: the
 * installed distributions ({@code .dist-info}, {@code .egg-info}, {@code .egg-link}), their
 * metadata, dependencies, recorded files and origin, and the pure logic behind
 * {@code list}, {@code freeze}, {@code show}, {@code check} and the removal plan of
 * {@code uninstall}, whose results are the text pip prints.
 */
package dev.axle.installer.db;
