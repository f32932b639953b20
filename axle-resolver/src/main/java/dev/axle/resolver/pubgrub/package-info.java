/**
 * The PubGrub version solving algorithm (Natalie Weizenbaum's, as in Dart pub, pubgrub-rs and
 * uv), generic over packages, versions and {@link dev.axle.resolver.pubgrub.VersionSet}s.
 * {@link dev.axle.resolver.pubgrub.Solver} asks a {@link
 * dev.axle.resolver.pubgrub.DependencyProvider} for versions and dependencies and returns a
 * selection, or throws {@link dev.axle.resolver.pubgrub.NoSolutionException} with the
 * derivation graph and an {@link dev.axle.resolver.pubgrub.Explanation}. No IO, no threads.
 */
package dev.axle.resolver.pubgrub;
