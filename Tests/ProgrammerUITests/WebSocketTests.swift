import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import HummingbirdWSClient
import HummingbirdWSTesting
import HummingbirdWebSocket
import NIOWebSocket
import Synchronization
import Testing

@testable import ProgrammerUI

@Suite("The page's WebSocket on a live server")
struct WebSocketTests {
    static let token = "feedfacefeedfacefeedfacefeedface"

    private func withLiveServer(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> Void) async throws
    {
        let workbench = try await Workbench.simulator()
        let router = UIServer.router(
            workbench: workbench, token: Self.token, analysis: AnalysisPage(executable: "/nonexistent", devices: nil))
        let application = Application(
            router: router,
            server: .http1WebSocketUpgrade(
                webSocketRouter: router, configuration: .init(ws: .init(maxFrameSize: UIServer.maximumMessageBytes))),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        try await application.test(.live, test)
        await workbench.close()
    }

    @Test("A program sent over the socket comes back with its verdict, after the greeting")
    func checkOverTheSocket() async throws {
        try await withLiveServer { client in
            let types = Mutex<[String]>([])
            try await client.ws("/ws?token=\(Self.token)", configuration: .init(maxFrameSize: 1 << 22)) {
                inbound, outbound, _ in
                var messages = inbound.messages(maxSize: 1 << 22).makeAsyncIterator()
                if case .text(let text) = try await messages.next() { types.withLock { $0.append(Self.type(text)) } }
                try await outbound.write(.text(checkMessage(amplitude: "10")))
                if case .text(let text) = try await messages.next() {
                    types.withLock { $0.append(Self.type(text)) }
                    #expect(text.contains(#""verdict" : "rejected""#))
                }
                try await outbound.close(.normalClosure, reason: nil)
            }
            #expect(types.withLock { $0 } == ["hello", "verdict"])
        }
    }

    @Test("An oversized message closes the socket as too big and changes nothing")
    func oversizedMessagesCloseTheSocket() async throws {
        try await withLiveServer { client in
            let close = try await client.ws("/ws?token=\(Self.token)", configuration: .init(maxFrameSize: 1 << 22)) {
                inbound, outbound, _ in
                var messages = inbound.messages(maxSize: 1 << 22).makeAsyncIterator()
                _ = try await messages.next()
                try await outbound.write(.text(String(repeating: " ", count: UIServer.maximumMessageBytes + 1)))
                while try await messages.next() != nil {}
            }
            #expect(close?.closeCode == .messageTooLarge)
        }
    }

    @Test("The socket is refused without the token")
    func socketNeedsTheToken() async throws {
        try await withLiveServer { client in
            await #expect(throws: (any Error).self) {
                try await client.ws("/ws") { _, _, _ in }
            }
        }
    }

    private static func type(_ text: String) -> String {
        let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any]
        return object?["type"] as? String ?? ""
    }
}
