import HTTPTypes
import Hummingbird

/// Lets a request through only when it carries the launch token and comes from this machine's own
/// page: the `Host` names the loopback (no DNS rebinding), and an `Origin`, when one is sent, names the
/// loopback too (no cross-site request or WebSocket).
///
/// The token is accepted as the `token` query item (the printed address, the WebSocket's), the
/// `X-SCS-Token` header, or the cookie the page is served with, so that its scripts and style sheet
/// load. The WebSocket, which changes the device, needs it in the query or header: a cookie would also be
/// sent by a page another local server shows on another port (same site for cookies).
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    /// The launch token.
    let token: String

    /// The host names the server answers to: it listens on 127.0.0.1 only.
    static var loopbackNames: Set<String> { ["127.0.0.1", "localhost"] }

    /// The name of the cookie that carries the token.
    static var cookieName: String { "scs-ui-token" }

    func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let presented = presentedToken(request)
        // HTTP/1.1 carries the Host header here.
        if let (status, reason) = Self.refusal(
            host: request.head.authority ?? "", origin: request.headers[.origin],
            token: request.uri.path == "/ws" && presented?.fromCookie == true ? nil : presented?.token,
            expected: token)
        {
            return Refusal.response(status, reason)
        }
        var response = try await next(request, context)
        response.headers[.cacheControl] = "no-store"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        response.headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        response.headers[.xContentTypeOptions] = "nosniff"
        if request.uri.queryParameters["token"] != nil {
            response.headers[.setCookie] = "\(Self.cookieName)=\(token); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }

    /// Why a request with `host`, `origin` and the token `token` is refused, or nil when it may pass.
    static func refusal(
        host: String, origin: String?, token: String?, expected: String
    ) -> (status: HTTPResponse.Status, reason: String)? {
        guard loopbackNames.contains(hostName(host)) else {
            return (.misdirectedRequest, "this server answers only to 127.0.0.1 or localhost, not to '\(host)'")
        }
        if let origin, !loopbackNames.contains(hostName(String(origin.split(separator: "://").last ?? ""))) {
            return (.forbidden, "a page of another site (\(origin)) may not use the programmer")
        }
        guard let token, equal(token, expected) else {
            return (.forbidden, "this address needs the token that `scs ui` printed: open the address it printed")
        }
        return nil
    }

    private func presentedToken(_ request: Request) -> (token: String, fromCookie: Bool)? {
        if let query = request.uri.queryParameters["token"] { return (String(query), false) }
        if let header = request.headers[HTTPField.Name("X-SCS-Token")!] { return (header, false) }
        for field in request.headers[values: .cookie] {
            for pair in field.split(separator: ";") {
                let parts = pair.split(separator: "=", maxSplits: 1)
                if parts.count == 2, parts[0].trimmingPrefix(" ") == Self.cookieName { return (String(parts[1]), true) }
            }
        }
        return nil
    }

    /// `127.0.0.1` of `127.0.0.1:8080`.
    static func hostName(_ host: String) -> String {
        host.split(separator: ":", maxSplits: 1).first.map(String.init) ?? ""
    }

    /// Compares without stopping at the first difference, so that timing tells nothing of the token.
    private static func equal(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }
}
