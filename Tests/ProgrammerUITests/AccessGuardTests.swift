import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing

@testable import ProgrammerUI

@Suite("Only this launch's page may use the server")
struct AccessGuardTests {
    static let token = "0123456789abcdef0123456789abcdef"

    private func withServer(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws {
        let workbench = try await Workbench.simulator()
        let application = Application(
            router: UIServer.router(
                workbench: workbench, token: Self.token,
                analysis: AnalysisPage(executable: "/nonexistent", devices: nil)))
        try await application.test(.router, test)
        await workbench.close()
    }

    @Test("The page with the token is served, and sets the cookie its scripts load with")
    func pageWithTokenIsServed() async throws {
        try await withServer { client in
            try await client.execute(uri: "/?token=\(Self.token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.hasPrefix("scs-ui-token=\(Self.token);") == true)
                #expect(response.headers[.setCookie]?.contains("SameSite=Strict") == true)
                #expect(String(buffer: response.body).contains("<title>scs ui"))
            }
            let cookie: HTTPFields = [.cookie: "other=1; scs-ui-token=\(Self.token)"]
            try await client.execute(uri: "/app.js", method: .get, headers: cookie) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            }
            let header: HTTPFields = [HTTPField.Name("X-SCS-Token")!: Self.token]
            try await client.execute(uri: "/style.css", method: .get, headers: header) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test(
        "A request without the right token is refused with a page that says why",
        arguments: ["/", "/app.js", "/ws", "/?token=wrong", "/?token=\(token)x"])
    func requestsWithoutTheTokenAreRefused(uri: String) async throws {
        try await withServer { client in
            try await client.execute(uri: uri, method: .get) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("needs the token that `scs ui` printed"))
            }
        }
    }

    @Test(
        "The socket needs the token in its address: the cookie alone, which another local site's page would send, is not enough"
    )
    func socketNeedsMoreThanTheCookie() async throws {
        try await withServer { client in
            let cookie: HTTPFields = [.cookie: "scs-ui-token=\(Self.token)"]
            try await client.execute(uri: "/ws", method: .get, headers: cookie) { response in
                #expect(response.status == .forbidden)
            }
        }
    }

    static let hosts: [(host: String, origin: String?, passes: Bool)] = [
        ("127.0.0.1:8765", nil, true),
        ("localhost:8765", "http://localhost:8765", true),
        ("127.0.0.1:8765", "http://127.0.0.1:8765", true),
        ("attacker.example:8765", nil, false),
        ("attacker.example", "http://attacker.example", false),
        ("127.0.0.1.attacker.example:8765", nil, false),
        ("", nil, false),
        ("127.0.0.1:8765", "http://evil.example", false),
        ("127.0.0.1:8765", "null", false),
    ]

    @Test("Only loopback host names pass (no DNS rebinding), and only pages of the loopback", arguments: hosts)
    func hostAndOriginChecks(host: String, origin: String?, passes: Bool) {
        let refusal = AccessGuard<BasicRequestContext>.refusal(
            host: host, origin: origin, token: Self.token, expected: Self.token)
        #expect((refusal == nil) == passes, "\(refusal?.reason ?? "passed")")
        if !host.hasPrefix("127.0.0.1:") && !host.hasPrefix("localhost:") {
            #expect(refusal?.status == .misdirectedRequest)
        }
    }

    @Test("A request from another site's page is refused, even with the token")
    func crossSiteRequestsAreRefused() async throws {
        try await withServer { client in
            let headers: HTTPFields = [.origin: "http://evil.example"]
            try await client.execute(uri: "/?token=\(Self.token)", method: .get, headers: headers) { response in
                #expect(response.status == .forbidden)
                #expect(String(buffer: response.body).contains("another site (http://evil.example)"))
            }
            let own: HTTPFields = [.origin: "http://localhost"]
            try await client.execute(uri: "/?token=\(Self.token)", method: .get, headers: own) { response in
                #expect(response.status == .ok)
            }
        }
    }

    @Test("Nothing changes over a plain request: other methods and unknown files find nothing")
    func noStateChangingRequests() async throws {
        try await withServer { client in
            for method in [HTTPRequest.Method.post, .put, .delete] {
                try await client.execute(uri: "/ws?token=\(Self.token)", method: method) { response in
                    #expect(response.status.code >= 400 && response.status.code < 500)
                }
            }
            try await client.execute(uri: "/secrets?token=\(Self.token)", method: .get) { response in
                #expect(response.status == .notFound)
            }
        }
    }
}
