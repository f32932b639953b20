/**
 * The platform compatibility tags an interpreter supports, in order of preference
 * (PEP 425, PEP 600, PEP 656 and the platform compatibility tags specification), for an
 * interpreter that is described, never probed.
 *
 * <ul>
 *   <li>{@link dev.axle.pep.tags.Interpreter}: implementation, {@link dev.axle.pep.tags.PythonVersion},
 *       ABIs and {@link dev.axle.pep.tags.Platform}; its {@code supportedTags()} is packaging's
 *       {@code sys_tags()}.</li>
 *   <li>{@link dev.axle.pep.tags.Platform} and its kinds ({@link dev.axle.pep.tags.Linux} with a
 *       {@link dev.axle.pep.tags.Libc}, {@link dev.axle.pep.tags.MacOS}, {@link dev.axle.pep.tags.Windows},
 *       {@link dev.axle.pep.tags.Ios}, {@link dev.axle.pep.tags.Android},
 *       {@link dev.axle.pep.tags.Emscripten}, {@link dev.axle.pep.tags.OtherPlatform}): platform tags.</li>
 *   <li>{@link dev.axle.pep.tags.CompatibilityTags}: the tag generators with explicit arguments.</li>
 *   <li>{@link dev.axle.pep.tags.SupportedTags}: the ordered list, ranking and choosing wheels.</li>
 * </ul>
 *
 * <p>Single tags, compressed tag sets and filenames are in {@code dev.axle.pep}
 * ({@link dev.axle.pep.Tag}, {@link dev.axle.pep.WheelFilename}); this package depends on
 * that one, never the reverse.
 */
package dev.axle.pep.tags;
