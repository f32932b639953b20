/**
 * What a mirror takes, as pure predicates (no IO), each a small record with a canonical
 * {@code toString()} (which the mirror's state records, so that a change of filters is seen):
 * <ul>
 *   <li>{@link dev.axle.mirror.filter.ProjectFilter}: which projects, by normalized name
 *       ({@code --allow}, {@code --deny}, {@code --allow-regex}, {@code --deny-regex}, and the
 *       projects a requirements resolution needs);</li>
 *   <li>{@link dev.axle.mirror.filter.FileFilter}s: which files of a project, one at a time
 *       ({@link dev.axle.mirror.filter.PlatformFilter}, {@link dev.axle.mirror.filter.PythonTagFilter},
 *       {@link dev.axle.mirror.filter.NoSdistFilter}, {@link dev.axle.mirror.filter.SizeFilter});</li>
 *   <li>{@link dev.axle.mirror.filter.ReleaseFilter}s: which versions of a project, seeing them
 *       all ({@link dev.axle.mirror.filter.NoPrereleaseFilter}, {@link dev.axle.mirror.filter.PinnedFilter},
 *       {@link dev.axle.mirror.filter.LatestFilter});</li>
 *   <li>{@link dev.axle.mirror.filter.MirrorFilters}: all of them, applied to a project page
 *       ({@link dev.axle.mirror.filter.Selection}).</li>
 * </ul>
 * Files are seen as {@link dev.axle.mirror.filter.ListedFile}s: a page's file with what its
 * name tells (wheel, sdist or other; version; tags). Bad input ({@code 50Q}, an invalid regular
 * expression) is an {@link dev.axle.mirror.filter.InvalidFilterException}.
 */
package dev.axle.mirror.filter;
