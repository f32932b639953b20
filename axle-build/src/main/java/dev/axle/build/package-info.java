/**
 * A PEP 517 build frontend: the backend a project names ({@link BuildBackend}), its hooks called
 * in a Python process of their own ({@link HookRunner}), and source distributions and wheels
 * built from a project folder ({@link ProjectBuilder}) in an environment a
 * {@link BuildEnvironments} gives.
 */
package dev.axle.build;
