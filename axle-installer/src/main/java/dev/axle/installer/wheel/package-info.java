/**
 * Wheels (the binary distribution format, PEP 427/491): {@link dev.axle.installer.wheel.WheelArchive}
 * reads and checks a wheel and unpacks it, verifying every byte against its RECORD, into an
 * {@link dev.axle.installer.wheel.UnpackedWheel}; {@link dev.axle.installer.wheel.Planner} turns that
 * into an {@link dev.axle.installer.wheel.InstallPlan} for an install scheme (files to link, files to
 * write, RECORD), without touching the file system.
 */
package dev.axle.installer.wheel;
