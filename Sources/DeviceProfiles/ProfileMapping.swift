import Yams

/// A YAML mapping of a profile whose keys have been checked against the fields it may hold.
///
/// An unknown key is an error, never ignored: a misspelt safety limit (`complianceVoltag`) would
/// otherwise silently fall back to a default.
struct ProfileMapping {
    /// The mapping node itself.
    let owner: ProfileNode
    private let entries: [String: Node]

    init(_ owner: ProfileNode, fields: ProfileFields) throws(ProfileError) {
        let allowed = fields.keys
        guard case .mapping(let mapping) = owner.node else {
            throw owner.error("must be a mapping of fields, not \(owner.kind)")
        }
        var entries: [String: Node] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.writtenText else {
                throw owner.error(
                    "has a key that is not plain text (\(ProfileNode(node: keyNode, path: "", file: "").kind))")
            }
            guard allowed.contains(key) else {
                let field = owner.child(keyNode, key: key)
                var message = "unknown \(fields.noun) '\(key)'"
                if let suggestion = closest(to: key, among: allowed) { message += " (did you mean '\(suggestion)'?)" }
                message += "; known: " + allowed.joined(separator: ", ")
                throw field.error(message)
            }
            entries[key] = value
        }
        self.owner = owner
        self.entries = entries
    }

    /// The field `key`, when present and not null.
    func optional(_ key: String) -> ProfileNode? {
        guard let node = entries[key] else { return nil }
        let field = owner.child(node, key: key)
        return field.isNull ? nil : field
    }

    /// The field `key`, present even when it is an explicit null; nil only when the key is absent.
    func present(_ key: String) -> ProfileNode? {
        entries[key].map { owner.child($0, key: key) }
    }

    /// The field `key`, which must be present and not null.
    func required(_ key: String) throws(ProfileError) -> ProfileNode {
        guard let node = entries[key] else {
            let path = owner.path.isEmpty ? key : owner.path + "." + key
            throw ProfileError(file: owner.file, field: path, message: "is required", line: owner.node.mark?.line)
        }
        let field = owner.child(node, key: key)
        if field.isNull { throw field.error("is required (got null)") }
        return field
    }
}

/// The allowed key nearest to a misspelt one, when it is near enough to be the likely intent.
private func closest(to key: String, among candidates: [String]) -> String? {
    let lowered = key.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let distance = editDistance(lowered, candidate.lowercased())
        if distance <= 2, distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
    }
    return best?.candidate
}

/// The Levenshtein distance between two strings, by characters.
private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a)
    let b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var previous = Array(0...b.count)
    var current = [Int](repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
