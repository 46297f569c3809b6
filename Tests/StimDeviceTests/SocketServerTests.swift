import Foundation
import Logging
import StimProtocol
import StimSafety
import Synchronization
import Testing

@testable import StimDevice

@Suite("A simulator served on a socket")
struct SocketServerTests {
    let test: TestDevice
    let path: String
    let records = LogRecords()

    init() throws {
        // Room for every client of the many-clients test: past it the device closes a role's oldest session.
        test = try TestDevice {
            $0.maximumPendingSessions = 16
            $0.maximumOpenSessionsPerRole = 16
        }
        path = Self.socketPath()
    }

    /// A fresh socket path, short enough for `sockaddr_un`.
    static func socketPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("scs-\(UUID().uuidString.prefix(8)).sock").path
    }

    /// A read timeout no test meets, even one starved of threads by the rest of the suite for minutes.
    static let unmet = Duration.seconds(3600)

    func serve(
        _ configuration: StimulatorSocketServer.Configuration = .init(readTimeout: unmet)
    ) throws -> StimulatorSocketServer {
        try StimulatorSocketServer(
            device: test.device, path: path, configuration: configuration,
            logger: Logger(label: "test", factory: { _ in records.handler() }))
    }

    func connect(_ role: Role = .clinician) async throws -> Programmer {
        try await Programmer.connect(
            over: UnixSocketTransport(path: path), role: role, key: test.key(role), limits: test.limits)
    }

    /// The log lines that say a connection was closed for its read timeout.
    var timeoutLines: [String] {
        records.messages.filter { $0.contains("closed: no whole frame within the read timeout") }
    }

    @Test("a silent client and one stuck in half a frame do not delay another's session")
    func idleClientsDelayNobody() async throws {
        let server = try serve()
        defer { server.stop() }
        let silent = try SocketDescriptor.connected(to: path)
        let halfFrame = try SocketDescriptor.connected(to: path)
        let identify = try Frame(request: .identify, sequence: 1, session: .none).encoded()
        #expect(halfFrame.writeAll(Array(identify.prefix(identify.count / 2))))
        #expect(await eventually { server.connectionCount == 2 })

        let programmer = try await connect()
        let program = try tonic("3")
        try await programmer.write(program, to: 1)
        #expect(try await programmer.readState().slots[0].program == program)
        // The whole session ran while both were connected (a server of one connection at a time never
        // gets to it).
        #expect(server.connectionCount == 3)
        await programmer.close()
        withExtendedLifetime((silent, halfFrame)) {}
    }

    @Test("a silent client and one stuck in half a frame are closed at the read timeout, each with a log line")
    func idleClientsClosed() async throws {
        let server = try serve(.init(readTimeout: .milliseconds(300)))
        defer { server.stop() }
        let silent = try SocketDescriptor.connected(to: path)
        let halfFrame = try SocketDescriptor.connected(to: path)
        let identify = try Frame(request: .identify, sequence: 1, session: .none).encoded()
        #expect(halfFrame.writeAll(Array(identify.prefix(identify.count / 2))))
        let limit = ContinuousClock.now.advanced(by: .seconds(30))
        #expect(silent.nextBytes(before: limit) == .ended)
        #expect(halfFrame.nextBytes(before: limit) == .ended)
        #expect(await eventually { timeoutLines.count == 2 })
        #expect(
            Set(timeoutLines) == [
                "notice: connection 1 closed: no whole frame within the read timeout (0.3 seconds)",
                "notice: connection 2 closed: no whole frame within the read timeout (0.3 seconds)",
            ])
        #expect(server.connectionCount == 0)
    }

    @Test("many clients connected at once each complete their sessions")
    func manyClients() async throws {
        let server = try serve()
        defer { server.stop() }
        let clients = 12
        let connected = Counter()
        try await withThrowingTaskGroup(of: BatteryStatus.self) { group in
            for _ in 0..<clients {
                group.addTask {
                    let programmer = try await connect(.patient)
                    // Every client holds its session open until all are connected.
                    if connected.increment() == clients { #expect(server.connectionCount == clients) }
                    #expect(await eventually { connected.value == clients })
                    var battery = try await programmer.readBattery()
                    for _ in 0..<10 { battery = try await programmer.readBattery() }
                    #expect(try await programmer.readState() == test.device.state())
                    await programmer.close()
                    return battery
                }
            }
            var finished = 0
            for try await battery in group {
                #expect(battery == test.device.state().battery)
                finished += 1
            }
            #expect(finished == clients)
        }
        #expect(test.device.snapshot().openSessionCount == 0)
    }

    @Test("a connection past the cap is turned away with a log line, and the others are still served")
    func connectionCap() async throws {
        let server = try serve(.init(readTimeout: Self.unmet, maximumConnections: 2))
        defer { server.stop() }
        let first = try SocketDescriptor.connected(to: path)
        let second = try SocketDescriptor.connected(to: path)
        #expect(await eventually { server.connectionCount == 2 })
        let third = try SocketDescriptor.connected(to: path)
        #expect(third.nextBytes(before: ContinuousClock.now.advanced(by: .seconds(30))) == .ended)
        #expect(
            records.messages.contains("warning: connection refused: 2 connections open, the most this server takes"))
        let identify = try Frame(request: .identify, sequence: 1, session: .none).encoded()
        for client in [first, second] {
            #expect(client.writeAll(identify))
            guard case .bytes(let reply) = client.nextBytes(before: ContinuousClock.now.advanced(by: .seconds(30)))
            else {
                Issue.record("no reply to identify")
                continue
            }
            var decoder = FrameDecoder()
            decoder.feed(reply)
            guard case .frame(let frame) = decoder.next() else {
                Issue.record("the reply is no frame")
                continue
            }
            #expect(frame.header.type == .identify && frame.header.kind == .reply)
        }
    }

    @Test("a second server on a socket a live server holds is refused, and the first goes on serving")
    func liveSocketRefused() async throws {
        let server = try serve()
        defer { server.stop() }
        #expect {
            _ = try StimulatorSocketServer(device: test.device, path: path)
        } throws: { error in
            guard let error = error as? SocketError else { return false }
            return error.isHeldByLiveServer && error.description == "\(path): a server is already listening there"
        }
        let programmer = try await connect()
        #expect(try await programmer.readState() == test.device.state())
        await programmer.close()
    }

    @Test("a socket file no server answers is replaced")
    func staleSocketReplaced() async throws {
        // A server that died leaves its socket file behind.
        _ = try SocketDescriptor.listening(at: path, backlog: 1)
        #expect(FileManager.default.fileExists(atPath: path))
        let server = try serve()
        defer { server.stop() }
        let programmer = try await connect()
        #expect(try await programmer.readState() == test.device.state())
        await programmer.close()
    }

    @Test("a file that is not a socket is left alone")
    func regularFileKept() throws {
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: SocketError(operation: "bind", path: path, code: .EEXIST)) {
            _ = try serve()
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "keep me")
        try FileManager.default.removeItem(atPath: path)
    }

    @Test("stop closes every connection and the listener, removes the socket and leaves no descriptor open")
    func stopReleasesEverything() async throws {
        let server = try serve()
        let programmer = try await connect()
        let silent = try SocketDescriptor.connected(to: path)
        let halfFrame = try SocketDescriptor.connected(to: path)
        #expect(halfFrame.writeAll([Frame.magic.0, Frame.magic.1, Frame.protocolVersion]))
        #expect(await eventually { server.connectionCount == 3 })
        let sockets = server.descriptors.map { ($0, Self.socketInode($0)) }
        #expect(sockets.count == 4 && sockets.allSatisfy { $0.1 != nil })

        server.stop()
        #expect(server.connectionCount == 0)
        #expect(!FileManager.default.fileExists(atPath: path))
        // Every descriptor of the server, the listener and the three it accepted, is closed by now (its
        // number free, or taken by another socket since).
        for (descriptor, inode) in sockets {
            #expect(Self.socketInode(descriptor) != inode, "descriptor \(descriptor) still open")
        }
        let limit = ContinuousClock.now.advanced(by: .seconds(30))
        #expect(silent.nextBytes(before: limit) == .ended)
        #expect(halfFrame.nextBytes(before: limit) == .ended)
        await #expect(throws: ProgrammerError.self) { _ = try await programmer.readState() }
        server.stop()
        await programmer.close()
    }

    @Test("the frame trace gives every frame's direction, type, number, session and result, and nothing secret")
    func frameTrace() async throws {
        let server = try serve(.init(readTimeout: Self.unmet, tracesFrames: true))
        defer { server.stop() }
        let programmer = try await connect()
        // Slot 2 is empty: the device refuses to activate it.
        await #expect(throws: ProgrammerError.deviceRejected(.slotEmpty, rules: [])) {
            try await programmer.activate(slot: 2)
        }
        await programmer.close()
        #expect(await eventually { records.messages.contains("info: connection 1 closed") })
        let session = try #require(sessionInTrace())
        let trace = records.messages.filter { $0.hasPrefix("info: connection 1 ") }
            .map { $0.replacingOccurrences(of: "info: connection 1 ", with: "") }
        #expect(
            trace == [
                "accepted", "in: identify request #1 session 0", "out: identify reply #1 session 0: ok",
                "in: openSession request #2 session 0", "out: openSession reply #2 session 0: ok",
                "in: authenticate request #1 \(session)", "out: authenticate reply #1 \(session): ok",
                "in: readState request #2 \(session)", "out: readState reply #2 \(session): ok",
                "in: activateSlot request #3 \(session)", "out: activateSlot error #3 \(session): slotEmpty",
                "in: closeSession request #4 \(session)", "out: closeSession reply #4 \(session): ok",
                "closed",
            ])
        let keyLines = test.keys.fileContents.split(separator: "\n").filter { !$0.hasPrefix("#") }.dropFirst()
        #expect(keyLines.count == Role.allCases.count)
        for line in keyLines {
            let key = String(line.split(separator: " ")[1])
            #expect(!records.messages.contains { $0.lowercased().contains(key) })
        }
    }

    @Test("a host whose idle connection the server closed goes on in its session over a new one")
    func reconnectAfterIdle() async throws {
        let server = try serve(.init(readTimeout: .milliseconds(300)))
        defer { server.stop() }
        let programmer = try await connect()
        // At least once: on a slow machine (ThreadSanitizer) the handshake itself may outlast the deadline.
        #expect(await eventually { timeoutLines.count >= 1 })
        let program = try tonic("2.5")
        try await programmer.write(program, to: 3)
        #expect(test.device.state().slots[2].program == program)
        #expect(test.device.snapshot().openSessionCount == 1)
        await programmer.close()
        #expect(records.messages.count { $0.hasSuffix(" accepted") } >= 2)
    }

    /// The session the trace shows authenticated, as the trace writes it (`session 123`).
    func sessionInTrace() -> String? {
        let line = records.messages.first { $0.contains("in: authenticate request #1 ") }
        return line?.components(separatedBy: "in: authenticate request #1 ").last
    }

    /// The inode of the socket open as `descriptor` in this process, nil when it is not open.
    static func socketInode(_ descriptor: Int32) -> UInt? {
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return UInt(status.st_ino)
    }
}

/// A count several tasks raise.
final class Counter: Sendable {
    private let count = Mutex(0)

    var value: Int { count.withLock { $0 } }

    /// Raises the count and returns the new one.
    func increment() -> Int {
        count.withLock { count in
            count += 1
            return count
        }
    }
}

/// Whether `condition` holds within `limit`, checked every 10 ms: for what another thread does.
func eventually(within limit: Duration = .seconds(30), _ condition: () -> Bool) async -> Bool {
    let deadline = ContinuousClock.now.advanced(by: limit)
    while !condition() {
        guard ContinuousClock.now < deadline else { return false }
        try? await Task.sleep(for: .milliseconds(10))
    }
    return true
}
