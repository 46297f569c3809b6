import StimProtocol

/// The device's sessions: each with its handshake, key and replay guard (`DeviceSession`), the replies
/// it gave to its latest requests (to answer a retry without acting again), and the event log export a
/// chunked read is working through.
///
/// The table is bounded so that a peer without a key cannot crowd out one with a key
/// (`docs/protocol.md` §6, "Sessions"): handshakes in progress (challenged sessions) have a bound of
/// their own, and one more openSession drops the oldest of them, never an authenticated session; each
/// role has a bound on its open sessions, and an authentication beyond it closes that role's least
/// recently used session, which only a holder of the role's key can cause; closed sessions, which
/// only ever were authenticated, are remembered up to as many as may be open, oldest forgotten first.
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

    /// The sessions by id, read by the device core and by the tests (which compare sessions before and
    /// after an attack).
    private(set) var entries: [SessionID: Entry] = [:]
    private var useCounter: UInt64 = 0
    private let pendingLimit: Int
    private let openLimitPerRole: Int
    private let windowWidth: Int
    private let cachedReplies: Int

    init(pendingLimit: Int, openLimitPerRole: Int, windowWidth: Int, cachedReplies: Int) {
        self.pendingLimit = max(1, pendingLimit)
        self.openLimitPerRole = max(1, openLimitPerRole)
        self.windowWidth = windowWidth
        self.cachedReplies = max(1, cachedReplies)
    }

    /// Sessions that are authenticated and not closed.
    var openCount: Int { entries.values.count { $0.session.phase == .open } }

    /// Reserves a session for `role` with a fresh random id and nonce. When as many handshakes as the
    /// bound allows are pending, the oldest of them is dropped (its host gets `noSession` and starts
    /// over); no other session is touched.
    mutating func reserve(role: Role, using generator: inout some RandomNumberGenerator) -> SessionChallenge {
        let pending = entries.values.filter(\.session.isChallenged)
        if pending.count >= pendingLimit, let oldest = pending.min(by: { $0.lastUse < $1.lastUse }) {
            entries[oldest.session.id] = nil
        }
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

    /// Stores a changed entry back and marks it used. When that opened it, the least recently used
    /// open session of its role beyond the bound is closed; when a session closed, the oldest closed
    /// sessions beyond theirs are forgotten.
    mutating func update(_ entry: Entry) {
        var entry = entry
        entry.lastUse = touch()
        let id = entry.session.id
        let previous = entries.updateValue(entry, forKey: id)?.session.phase
        guard previous != entry.session.phase else { return }
        if entry.session.phase == .open {
            let role = entry.session.role
            let open = entries.values.filter { $0.session.phase == .open && $0.session.role == role }
            if open.count > openLimitPerRole, let idle = open.min(by: { $0.lastUse < $1.lastUse }) {
                entries[idle.session.id]?.session.close()
                entries[idle.session.id]?.logExport = nil
            }
        }
        let closed = entries.values.filter { $0.session.phase == .closed }
        let remembered = openLimitPerRole * Role.allCases.count
        for forgotten in closed.sorted(by: { $0.lastUse < $1.lastUse }).dropLast(remembered) {
            entries[forgotten.session.id] = nil
        }
    }

    /// Forgets session `id` (a handshake that failed: it never had a key, so nothing can be answered
    /// in it).
    mutating func remove(_ id: SessionID) {
        entries[id] = nil
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
}
