/**
 * Deleting files and folders robustly: transient failures (a concurrent writer, a file held
 * open, a read-only bit) are retried with backoff, and what could not be removed is returned to
 * the caller to report instead of failing a job that has otherwise finished.
 */
package dev.axle.installer.removal;
