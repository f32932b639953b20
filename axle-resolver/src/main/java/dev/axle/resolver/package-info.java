/**
 * Resolution: pip's requirements file format, and a PubGrub resolver that asks a provider
 * for versions and dependencies and knows nothing about where they come from.
 */
package dev.axle.resolver;
