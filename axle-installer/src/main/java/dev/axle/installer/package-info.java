/**
 * Installing wheels into Python environments and reading what is installed there: the
 * {@code *.dist-info} database that Python, pip and every other installer share.
 */
package dev.axle.installer;
