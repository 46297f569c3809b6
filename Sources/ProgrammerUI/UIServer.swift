import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore

/// The web server of `scs ui`: the page and its scripts, and the WebSocket over which the page's every
/// change is validated by the workbench. Every route sits behind the ``AccessGuard``; no GET changes
/// anything (changes travel over the WebSocket).
enum UIServer {
    /// The largest message the page may send; a larger one closes the WebSocket (1009, too big).
    static let maximumMessageBytes = 64 << 10

    /// The routes, for the application and for tests; `analysis` makes the recordings' reports.
    static func router(
        workbench: Workbench, token: String, analysis: AnalysisPage
    ) -> Router<BasicWebSocketRequestContext> {
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.add(middleware: AccessGuard(token: token))
        router.get("/") { _, _ in PageAssets.response("index.html") }
        router.get("/report") { request, _ in
            await analysis.response(path: request.uri.queryParameters["path"].map(String.init))
        }
        router.get("/:file") { _, context in
            PageAssets.response(context.parameters.get("file") ?? "")
        }
        router.ws("/ws") { inbound, outbound, _ in
            let send: @Sendable (String) async -> Void = { reply in try? await outbound.write(.text(reply)) }
            let page = await workbench.openPage(send)
            defer { Task { await workbench.closePage(page) } }
            try await outbound.write(.text(await workbench.hello()))
            for try await message in inbound.messages(maxSize: maximumMessageBytes) {
                guard case .text(let text) = message else {
                    try await outbound.write(
                        .text(
                            PageMessage.text(
                                "error", Notice(status: 400, message: "messages are JSON text, not binary"))))
                    continue
                }
                await workbench.handle(text, page: page, send: send)
            }
        }
        return router
    }

    /// The application listening on 127.0.0.1:`port` (0: a free port), calling `onRunning` with the
    /// port once it listens.
    static func application(
        router: Router<BasicWebSocketRequestContext>, port: Int, logger: Logger,
        onRunning: @escaping @Sendable (Int) async -> Void
    ) -> some ApplicationProtocol {
        Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router,
                configuration: .init(ws: .init(maxFrameSize: maximumMessageBytes))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: nil),
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
