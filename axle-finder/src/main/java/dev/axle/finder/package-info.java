/**
 * Finding distributions: the configured indexes (and, later, find-links) as one
 * {@link dev.axle.resolver.python.PackageSource} for the resolver, the best file of each
 * version chosen for the target's wheel tags and Python, core metadata fetched in parallel
 * ahead of the solver (PEP 658 files, else the wheel), and downloads kept in a cache keyed by
 * the files' hashes so that the installer and the next run reuse them.
 */
package dev.axle.finder;
