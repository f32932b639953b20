/**
 * Where distribution files' bytes live, behind {@link dev.axle.server.blob.BlobStore};
 * {@link dev.axle.server.blob.FileBlobStore} keeps them as files.
 */
package dev.axle.server.blob;
