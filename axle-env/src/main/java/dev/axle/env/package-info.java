/**
 * Python interpreters and the environments they install into.
 *
 * <ul>
 *   <li>{@link dev.axle.env.PythonRequest}: what {@code --python} asks for (a path, a name, a
 *       version, specifiers);
 *   <li>{@link dev.axle.env.Interpreters}: finds interpreters and queries each once (a script it
 *       runs, {@code interpreter_query.py}), caching the answers on disk;
 *       {@link dev.axle.env.PythonInterpreter} is one answer: marker environment, compatibility
 *       tags, prefixes, install schemes, PEP 668 status;
 *   <li>{@link dev.axle.env.Environment}: where an install goes and what is installed, for a
 *       venv, the user scheme, {@code --target}, {@code --prefix} or an installation, and
 *       whether installing there is allowed;
 *   <li>{@link dev.axle.env.Venv}: creates PEP 405 virtual environments without Python's venv
 *       module;
 *   <li>{@link dev.axle.env.CacheDir}: axle's cache folder.
 * </ul>
 */
package dev.axle.env;
