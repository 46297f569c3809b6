import StimProtocol

/// The device's sessions: each with its handshake and replay guard (`DeviceSession`), the replies it
/// gave to its latest requests (to answer a retry without acting again), and the event log export a
/// chunked read is working through.
struct SessionTable: Sendable {
    /// A session and what the device remembers for it.
    struct Entry: Sendable {
        var session: DeviceSession
        /// The latest replies, oldest first: the request's number, its type and payload, and the
        /// encoded reply frame.
        var replies: [(sequence: UInt32, request: [UInt8], reply: [UInt8])] = []
        /// The recording frozen when a log read started at offset 0.
        var logExport: [UInt8]?
        /// When the entry was last used, in table operations, for eviction.
        var lastUse: UInt64
    }

    private var entries: [SessionID: Entry] = [:]
    private var useCounter: UInt64 = 0
    private let capacity: Int
    private let windowWidth: Int
    private let cachedReplies: Int

    init(capacity: Int, windowWidth: Int, cachedReplies: Int) {
        self.capacity = max(1, capacity)
        self.windowWidth = windowWidth
        self.cachedReplies = max(1, cachedReplies)
    }

    /// Sessions that are authenticated and not closed.
    var openCount: Int { entries.values.count { $0.session.phase == .open } }

    /// Reserves a session for `role` with a fresh random id and nonce; evicts a closed session, or else
    /// the least recently used one, when the table is full.
    mutating func reserve(role: Role, using generator: inout some RandomNumberGenerator) -> SessionChallenge {
        if entries.count >= capacity { evictOne() }
        var id = SessionID.none
        while id == .none || entries[id] != nil {
            id = SessionID(rawValue: UInt32.random(in: 1...UInt32.max, using: &generator))
        }
        let nonce = Nonce.random(using: &generator)
        let session = DeviceSession(
            id: id, role: role, deviceNonce: nonce, window: SequenceWindow(width: windowWidth))
        entries[id] = Entry(session: session, lastUse: touch())
        return SessionChallenge(session: id, deviceNonce: nonce)
    }

    /// The entry of session `id`, nil when the device holds no such session.
    func entry(_ id: SessionID) -> Entry? {
        entries[id]
    }

    /// Stores a changed entry back (and marks it used).
    mutating func update(_ entry: Entry) {
        var entry = entry
        entry.lastUse = touch()
        entries[entry.session.id] = entry
    }

    /// The cached reply to request number `sequence` of session `id`, if the same request (type and
    /// payload, `request`) was answered before.
    func cachedReply(session id: SessionID, sequence: UInt32, request: [UInt8]) -> [UInt8]? {
        guard let cached = entries[id]?.replies.last(where: { $0.sequence == sequence }) else { return nil }
        return cached.request == request ? cached.reply : nil
    }

    /// Remembers `reply` as the answer to request number `sequence` of session `id`.
    mutating func cache(session id: SessionID, sequence: UInt32, request: [UInt8], reply: [UInt8]) {
        guard var entry = entries[id] else { return }
        entry.replies.append((sequence, request, reply))
        if entry.replies.count > cachedReplies { entry.replies.removeFirst(entry.replies.count - cachedReplies) }
        update(entry)
    }

    private mutating func touch() -> UInt64 {
        useCounter += 1
        return useCounter
    }

    private mutating func evictOne() {
        let closed = entries.values.filter { $0.session.phase == .closed }
        let candidates = closed.isEmpty ? Array(entries.values) : closed
        guard let victim = candidates.min(by: { $0.lastUse < $1.lastUse }) else { return }
        entries[victim.session.id] = nil
    }
}
