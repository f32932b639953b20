/**
 * Distribution archives: {@link dev.axle.dist.Distribution#inspect} reads a wheel's
 * METADATA or an sdist's PKG-INFO and checks it and the archive;
 * {@link dev.axle.dist.UploadCheck} checks a legacy upload form
 * ({@link dev.axle.dist.UploadForm}) against the inspected file, with PyPI's reasons.
 * Pure apart from reading the given file.
 */
package dev.axle.dist;
