/**
 * Python resolution on top of the PubGrub solver: {@link dev.axle.resolver.python.Resolver}
 * turns requirements into one version per project for a target interpreter, asking a
 * {@link dev.axle.resolver.python.PackageSource} (an index client, a wheelhouse, test data) for
 * candidates and their metadata. The policies that make a resolution pip's or uv's (markers,
 * extras, Requires-Python, pre-releases, yanked files, constraints, overrides, preferences)
 * live here, in {@link dev.axle.resolver.python.PythonProvider}; nothing here does IO itself.
 */
package dev.axle.resolver.python;
