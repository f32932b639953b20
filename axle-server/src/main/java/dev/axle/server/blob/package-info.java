/**
 * Where distribution files' bytes live, behind {@link dev.axle.server.blob.BlobStore};
 * {@link dev.axle.server.blob.FileBlobStore} keeps them as files,
 * {@link dev.axle.server.blob.S3BlobStore} as objects of an S3 bucket that several servers
 * share ({@link dev.axle.server.blob.S3Settings} says where and how).
 */
package dev.axle.server.blob;
