package dev.axle.server.http;

import dev.axle.server.Tokens;
import org.eclipse.jetty.http.HttpHeader;

/** Answers 401 or 403 as PyPI does, unless the request's token may write to the index. */
final class Authorization {
    private Authorization() {}

    /** True when the request may go on; otherwise the answer has been sent. */
    static boolean allowed(Exchange x, Tokens tokens, String index) {
        Tokens.Verdict verdict = tokens.judge(x.header(HttpHeader.AUTHORIZATION), index);
        if (verdict == Tokens.Verdict.ALLOWED) {
            return true;
        }
        // The request's body (maybe a large upload) is left unread: the connection cannot be reused.
        x.headers().put(HttpHeader.CONNECTION, "close");
        if (verdict == Tokens.Verdict.MISSING || verdict == Tokens.Verdict.INVALID) {
            x.headers().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"axle\"");
            x.text(401, verdict == Tokens.Verdict.MISSING
                    ? "Unauthorized: send an API token as HTTP Basic credentials, user __token__"
                    : "Unauthorized: invalid or non-existent authentication information");
        } else if (verdict == Tokens.Verdict.NO_TOKENS) {
            x.text(403, "Forbidden: index '" + index + "' has no API tokens, so it takes no uploads; create one"
                    + " with: axle token create --root DIR --index " + index + " --name NAME");
        } else {
            x.text(403, "Forbidden: the token does not allow writing to index '" + index + "'");
        }
        return false;
    }
}
