/**
 * Incremental mirrors of a PEP 503/691 index, as bandersnatch makes them.
 *
 * <ul>
 *   <li>{@link dev.axle.mirror.Mirror}: one sync. The upstream's project list (with PyPI's
 *       per-project {@code _last-serial}) is compared with the {@link dev.axle.mirror.MirrorState}
 *       the last sync recorded; changed projects' pages are fetched, filtered
 *       ({@link dev.axle.mirror.filter}), and written through a {@link dev.axle.mirror.MirrorTarget};
 *       projects gone upstream are removed. Options: {@link dev.axle.mirror.MirrorOptions}; progress:
 *       {@link dev.axle.mirror.MirrorListener}; outcome: {@link dev.axle.mirror.SyncReport}.</li>
 *   <li>The values a target sees: {@link dev.axle.mirror.ProjectUpdate} (what to hold),
 *       {@link dev.axle.mirror.ProjectRecord} and {@link dev.axle.mirror.FileRecord} (what it holds,
 *       verified), {@link dev.axle.mirror.Upstream} (verified downloads).</li>
 *   <li>{@link dev.axle.mirror.Destination}: {@code --dest} as given (a folder, {@code s3://},
 *       {@code axle:ROOT#INDEX}); {@link dev.axle.mirror.target.MirrorTargets} opens it.</li>
 *   <li>{@link dev.axle.mirror.target}: the targets (a static index over a
 *       {@link dev.axle.mirror.target.TreeStore}, an axle server's index) and the static pages.</li>
 * </ul>
 *
 * Packages depend one way: {@code filter} on nothing here, this package on {@code filter},
 * {@code target} on both.
 */
package dev.axle.mirror;
