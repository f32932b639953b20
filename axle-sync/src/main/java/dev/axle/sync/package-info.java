/**
 * Making an environment match a PEP 751 lock file. {@link dev.axle.sync.LockedWheels} turns the
 * lock's selection for a target into the wheels to install (refusing what would need a build),
 * {@link dev.axle.sync.SyncPlan} compares them with what is installed, and
 * {@link dev.axle.sync.LockedFiles} gets the files the plan needs and verifies every hash before
 * anything changes; the installer then carries out the plan in one transaction.
 */
package dev.axle.sync;
