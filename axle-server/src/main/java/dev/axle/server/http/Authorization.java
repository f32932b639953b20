package dev.axle.server.http;

import dev.axle.server.Tokens;
import org.eclipse.jetty.http.HttpHeader;

/** Answers 401 or 403 as PyPI does, unless the request's token may write to the index. */
final class Authorization {
    private Authorization() {}

    /** True when the request may go on; otherwise the answer has been sent. */
    static boolean allowed(Exchange x, Tokens tokens, String index) {
        Tokens.Verdict verdict = tokens.judge(x.header(HttpHeader.AUTHORIZATION), index);
        switch (verdict) {
            case ALLOWED -> {
                return true;
            }
            case NO_TOKENS -> x.text(403, "Forbidden: index '" + index + "' has no API tokens, so it takes no"
                    + " uploads; create one with: axle token create --root DIR --index " + index + " --name NAME");
            case MISSING, INVALID -> {
                x.headers().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"axle\"");
                x.text(401, verdict == Tokens.Verdict.MISSING
                        ? "Unauthorized: send an API token as HTTP Basic credentials, user __token__"
                        : "Unauthorized: invalid or non-existent authentication information");
            }
            case FORBIDDEN -> x.text(403, "Forbidden: the token does not allow writing to index '" + index + "'");
        }
        return false;
    }
}
