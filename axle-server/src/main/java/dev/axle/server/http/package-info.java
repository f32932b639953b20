/**
 * The server's HTTP side on Jetty's core handlers ({@link dev.axle.server.http.Routes}): the
 * simple API in HTML and JSON from one model with content negotiation, Warehouse's JSON and
 * legacy upload APIs, files with ranges and ETags, the management API, pages for people,
 * {@code /health} and {@code /metrics}.
 */
package dev.axle.server.http;
