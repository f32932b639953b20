/**
 * Where a mirror writes (IO at the edge):
 * <ul>
 *   <li>{@link dev.axle.mirror.target.StaticTarget}: a static simple index (pages in both forms
 *       by {@link dev.axle.mirror.target.StaticPages}, files by sha256, PEP 658 metadata files beside
 *       them) over a {@link dev.axle.mirror.target.TreeStore}: a local folder
 *       ({@link dev.axle.mirror.target.FolderTree}) or any axle-server
 *       {@link dev.axle.server.blob.BlobStore} ({@link dev.axle.mirror.target.BlobStoreTree}).</li>
 *   <li>{@link dev.axle.mirror.target.AxleIndexTarget}: an axle server's index, written as
 *       uploads are (blob, then database row), with the upstream's upload times and yanks.</li>
 *   <li>{@link dev.axle.mirror.target.MirrorTargets}: the target a destination names.</li>
 * </ul>
 */
package dev.axle.mirror.target;
