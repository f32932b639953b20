/**
 * Python interpreters and the environments they install into: finding and querying
 * interpreters, creating virtual environments (PEP 405), install schemes (venv, user,
 * target, prefix) and PEP 668's externally managed environments.
 */
package dev.axle.env;
