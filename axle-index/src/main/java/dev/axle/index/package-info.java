/**
 * The client side of PyPI-compatible indexes: the simple repository API in its HTML
 * (PEP 503) and JSON (PEP 691) forms, core-metadata files (PEP 658, 714), the PEP 700
 * fields, yanked files (PEP 592), find-links folders and pages, and downloads.
 */
package dev.axle.index;
