package dev.axle.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Resolves {@code localhost} and {@code *.localhost} to 127.0.0.1 alone, as RFC 6761 allows and
 * glibc does not for subdomains, so that virtual-host S3 requests to {@code bucket.localhost}
 * reach the tests' {@link S3Server} (which listens on 127.0.0.1). Every other name goes to the
 * JDK's own resolver. Registered in META-INF/services for the tests' JVM.
 */
public final class LocalhostSubdomains extends InetAddressResolverProvider {
    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                String name = host.toLowerCase(Locale.ROOT);
                if (name.equals("localhost") || name.endsWith(".localhost")) {
                    return Stream.of(InetAddress.getByAddress(host, new byte[] {127, 0, 0, 1}));
                }
                return builtin.lookupByName(host, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return builtin.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "axle tests: *.localhost is 127.0.0.1";
    }
}
