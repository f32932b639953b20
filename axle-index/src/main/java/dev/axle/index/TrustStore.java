package dev.axle.index;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * The TLS trust an index client uses, built with the JDK alone: the JDK's trust store
 * ({@code $JAVA_HOME/lib/security/cacerts}, which on some systems is generated from the operating
 * system's certificates, on others not), or instead a PEM bundle given with {@code --cert}; and
 * trusted hosts whose certificates are not verified at all.
 *
 * <p>A bundle replaces the JDK's store rather than adding to it, as in pip (requests'
 * {@code verify=}) and curl's {@code --cacert}: what is trusted is then exactly what the file
 * says, which is what a corporate bundle (usually the public roots plus the company's) intends.
 */
final class TrustStore {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private TrustStore() {}

    /**
     * @throws IllegalArgumentException if the bundle cannot be read or holds no certificate
     */
    static SSLContext context(IndexOptions options) {
        try {
            KeyStore store = null; // the JDK's cacerts
            if (options.cert().isPresent()) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (X509Certificate c : read(options.cert().get())) {
                    store.setCertificateEntry("cert-" + n++, c);
                }
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            X509ExtendedTrustManager verifying = null;
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509ExtendedTrustManager x) {
                    verifying = x;
                }
            }
            if (verifying == null) {
                throw new IllegalStateException("the JDK offers no X509ExtendedTrustManager");
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {new TrustingHosts(verifying, options::trusted)}, null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS with " + options.cert()
                    .map(c -> "the certificates in " + c + " (--cert)").orElse("the JDK's trust store") + ": "
                    + e.getMessage(), e);
        }
    }

    /** The certificates of a PEM bundle (text between them, such as comments, is ignored). */
    static List<X509Certificate> read(Path bundle) throws IOException, CertificateException {
        String text = Files.readString(bundle, StandardCharsets.ISO_8859_1);
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher m = PEM.matcher(text);
        while (m.find()) {
            byte[] der = Base64.getMimeDecoder().decode(m.group(1));
            certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der)));
        }
        if (certificates.isEmpty()) {
            throw new IOException(bundle + " holds no PEM certificate (-----BEGIN CERTIFICATE-----);"
                    + " --cert needs a PEM bundle of certificate authorities");
        }
        return certificates;
    }

    /**
     * Verifies as the JDK does (chain and host name), except for trusted hosts, whose
     * certificates are accepted unseen. Host and port come from the TLS engine or socket, which
     * the HTTP client creates for the host it connects to (also through a proxy tunnel).
     */
    private static final class TrustingHosts extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager verifying;
        private final BiPredicate<String, Integer> trusted;

        TrustingHosts(X509ExtendedTrustManager verifying, BiPredicate<String, Integer> trusted) {
            this.verifying = verifying;
            this.trusted = trusted;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            if (engine == null || engine.getPeerHost() == null
                    || !trusted.test(engine.getPeerHost(), engine.getPeerPort())) {
                verifying.checkServerTrusted(chain, authType, engine);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            // The host and port the socket was made for (also through a proxy tunnel), as the URL names them.
            SSLSession session = socket instanceof SSLSocket ssl ? ssl.getHandshakeSession() : null;
            if (session == null || session.getPeerHost() == null
                    || !trusted.test(session.getPeerHost(), session.getPeerPort())) {
                verifying.checkServerTrusted(chain, authType, socket);
            }
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verifying.checkServerTrusted(chain, authType);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            verifying.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            verifying.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            verifying.checkClientTrusted(chain, authType);
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return verifying.getAcceptedIssuers();
        }
    }
}
