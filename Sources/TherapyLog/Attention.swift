import RecordingFormat
import StimSafety

/// What a clinician looks at first in a recording: safety events with errors or warnings, faults,
/// impedance alerts, refused commands and battery warnings, each repeat folded into its first event.
public struct Attention: Hashable, Sendable {
    /// Distinct items kept per kind; further events only count in ``omitted`` (the sections of the
    /// report keep their full counts).
    public static let itemLimit = 50
    /// The battery level, in percent, at or below which a recording's battery is reported low: where
    /// patients' remotes commonly warn (no profile gives a level).
    public static let lowBatteryPercent = 20

    /// Every item: errors first, then by kind, then in the order first met.
    public var items: [AttentionItem] {
        groups.sorted { ($0.isError ? 0 : 1, $0.kind, $0.line) < ($1.isError ? 0 : 1, $1.kind, $1.line) }
    }
    /// Events of groups past ``itemLimit``.
    public private(set) var omitted = 0
    /// Whether nothing needs attention.
    public var isEmpty: Bool { groups.isEmpty && omitted == 0 }

    /// The items with at most `limit` of each kind, and how many items of each kind that leaves out.
    public func items(atMost limit: Int) -> (shown: [AttentionItem], hidden: [AttentionItem.Kind: Int]) {
        var shown: [AttentionItem] = []
        var hidden: [AttentionItem.Kind: Int] = [:]
        for item in items {
            if shown.count(where: { $0.kind == item.kind }) < limit {
                shown.append(item)
            } else {
                hidden[item.kind, default: 0] += 1
            }
        }
        return (shown, hidden)
    }

    /// Sets each item's ``AttentionItem/assumed`` fields to those `restsOn` gives for it.
    mutating func markAssumed(_ restsOn: (AttentionItem) -> [String]) {
        for index in groups.indices { groups[index].assumed = restsOn(groups[index]) }
    }

    private var groups: [AttentionItem] = []
    private var itemsPerKind: [AttentionItem.Kind: Int] = [:]
    private var places: [Key: Int] = [:]
    /// Where each safety item is. Safety events are the analyzer's most frequent kind, so their key
    /// holds nothing to retain or release: a repeat costs one hash of three words.
    private var safetyPlaces: [SafetyKey: Int] = [:]
    /// The last safety event's key and item: a run of like events (one adjustment after another past
    /// the same warning) compares three words instead of hashing them.
    private var lastSafety: SafetyRun?

    /// What makes two events the same item: the kind, the slot and discriminators (contact and state,
    /// fault code and detail, who and the request's shape, the rules as the device gave them). They
    /// are values the event already holds, so that folding a repeat costs no allocation.
    private struct Key: Hashable {
        var kind: AttentionItem.Kind
        var slot: Int?
        var contact: Int?
        var what: String
        var detail: String?
        var named: [String]
    }

    /// What makes two safety events the same item: the slot, the event type and the fired rules.
    private struct SafetyKey: Hashable {
        var slot: Int
        var isAmplitude: Bool
        var fired: RuleSet
    }

    private struct SafetyRun: Hashable {
        var key: SafetyKey
        var place: Int
    }

    /// Counts one event under the item `what` names, making the item with `message` (only computed
    /// for an item's first event) when it is new.
    mutating func note(
        _ kind: AttentionItem.Kind, what: String, detail: String? = nil, named: [String] = [], slot: Int? = nil,
        contact: Int? = nil, isError: Bool, rules: @autoclosure () -> [String], line: Int, time: Timestamp,
        message: () -> String
    ) {
        let key = Key(kind: kind, slot: slot, contact: contact, what: what, detail: detail, named: named)
        if let place = places[key] {
            groups[place].count += 1
        } else if let place = newPlace(kind) {
            places[key] = place
            groups.append(
                AttentionItem(
                    kind: kind, isError: isError, time: time, line: line, count: 1, slot: slot, rules: rules(),
                    message: message()))
        }
    }

    /// A `program` or `amplitude` event the re-validation flagged, grouped by slot, event type and rules.
    mutating func flagged(
        _ program: StimProgram, type: String, slot: Int, fired: FiredRules, line: Int, time: Timestamp
    ) {
        guard !fired.isEmpty else { return }
        let key = SafetyKey(slot: slot, isAmplitude: type == "amplitude", fired: fired.all)
        if let lastSafety, lastSafety.key == key {
            groups[lastSafety.place].count += 1
            return
        }
        if let place = safetyPlaces[key] {
            groups[place].count += 1
            lastSafety = SafetyRun(key: key, place: place)
        } else if let place = newPlace(.safety) {
            safetyPlaces[key] = place
            lastSafety = SafetyRun(key: key, place: place)
            groups.append(
                AttentionItem(
                    kind: .safety, isError: !fired.errors.isEmpty, time: time, line: line, count: 1, slot: slot,
                    rules: fired.all.rules.map(\.name),
                    message: "\(type) on slot \(slot): \(program.amplitude), \(program.pulseWidth), \(program.rate) "
                        + "(\(fired.verdict.rawValue))"))
        }
    }

    /// The place of a new item of `kind`, or nil when the kind already holds ``itemLimit`` items (the
    /// event then counts in ``omitted``).
    private mutating func newPlace(_ kind: AttentionItem.Kind) -> Int? {
        guard itemsPerKind[kind, default: 0] < Self.itemLimit else {
            omitted += 1
            return nil
        }
        itemsPerKind[kind, default: 0] += 1
        return groups.count
    }
}
