package dev.axle.server.store;

/**
 * A project on one index.
 *
 * @param name the normalized name (PEP 503)
 * @param displayName the name as its first upload spelled it
 * @param lastSerial the serial of the last change to the project
 */
public record Project(String index, String name, String displayName, long lastSerial) {}
