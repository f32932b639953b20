/**
 * pip's requirements file format ({@code -r requirements.txt}, {@code -c constraints.txt}),
 * read into an immutable {@link dev.axle.resolver.requirements.ParsedRequirements} that the
 * resolver uses directly. Reading text is behind {@link
 * dev.axle.resolver.requirements.RequirementsReader}; nothing here resolves or downloads.
 */
package dev.axle.resolver.requirements;
