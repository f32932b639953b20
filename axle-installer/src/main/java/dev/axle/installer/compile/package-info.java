/**
 * Byte compilation of installed modules with the target interpreter, in parallel worker
 * processes, the way pip compiles by default: PEP 3147 {@code __pycache__} names, the
 * interpreter's optimization level, timestamp invalidation unless {@code SOURCE_DATE_EPOCH}
 * asks for checked hashes, files that do not compile reported and skipped.
 */
package dev.axle.installer.compile;
