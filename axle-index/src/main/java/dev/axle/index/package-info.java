/**
 * The client side of PyPI-compatible indexes: the simple repository API in its HTML
 * (PEP 503) and JSON (PEP 691) forms, core-metadata files (PEP 658, 714), the PEP 700
 * fields, yanked files (PEP 592), find-links folders and pages, and downloads.
 *
 * <h2>Pages</h2>
 * <ul>
 *   <li>{@link dev.axle.index.SimpleApi}: parses a response (Content-Type, body, final URL)
 *       into a {@link dev.axle.index.ProjectPage} or a {@link dev.axle.index.ProjectList};
 *       {@link dev.axle.index.SimpleApi#ACCEPT} is the Accept header to request them with.</li>
 *   <li>The model: {@link dev.axle.index.ProjectPage}, {@link dev.axle.index.DistributionFile},
 *       {@link dev.axle.index.Yanked}, {@link dev.axle.index.CoreMetadata},
 *       {@link dev.axle.index.ProjectList}, {@link dev.axle.index.ApiVersion}.</li>
 *   <li>Errors: {@link dev.axle.index.InvalidIndexPageException} and its kinds
 *       {@link dev.axle.index.UnsupportedContentTypeException} and
 *       {@link dev.axle.index.UnsupportedApiVersionException}.</li>
 * </ul>
 *
 * <h2>Index client</h2>
 * <ul>
 *   <li>{@link dev.axle.index.Index}: one index (http, https or {@code file:}): project pages,
 *       PEP 658 metadata files and downloads, verified against the pages' hashes; configured by
 *       {@link dev.axle.index.IndexOptions} (timeouts, retries, User-Agent, the HTTP cache and
 *       its {@link dev.axle.index.IndexOptions.CacheMode} for {@code --offline}/{@code --refresh},
 *       the environment for proxies, netrc and keyring credentials, {@code --cert} and
 *       {@code --trusted-host}); downloads report to a {@link dev.axle.index.DownloadListener}. Without a
 *       metadata file, {@link dev.axle.index.Index#wheelMetadata} reads a wheel's {@code METADATA}
 *       with HTTP range requests (a {@link dev.axle.index.WheelMetadata} says how it was read).</li>
 *   <li>{@link dev.axle.index.FindLinks}: a find-links folder or HTML page's files, and the
 *       project a distribution's filename names.</li>
 *   <li>Machinery, package-private: {@code Fetcher} (requests, redirects, retries, 401 retry with
 *       found credentials), {@code HttpCache}/{@code CacheEntry}/{@code CacheControl},
 *       {@code Credentials}/{@code Netrc}/{@code Keyring}, {@code EnvironmentProxies},
 *       {@code TrustStore}/{@code TrustedHost}.</li>
 *   <li>Errors: {@link dev.axle.index.IndexUnavailableException} (unreachable, timed out, an
 *       error status, after retries), {@link dev.axle.index.HashMismatchException},
 *       {@link dev.axle.index.InvalidWheelException}.</li>
 * </ul>
 */
package dev.axle.index;
