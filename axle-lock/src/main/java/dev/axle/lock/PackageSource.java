package dev.axle.lock;

/**
 * Where a locked package comes from: one of the source kinds of PEP 751. A package entry
 * has either distributions (an sdist and/or wheels) or exactly one direct source (a VCS
 * checkout, a local directory or an archive).
 */
public sealed interface PackageSource permits PackageVcs, PackageDirectory, PackageArchive, PackageSdist, PackageWheel {}
