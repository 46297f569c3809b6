/// The check that a mapping holds only the keys its schema allows.
///
/// An unknown key is an error, never ignored: a misspelt safety limit (`complianceVoltag`) would
/// otherwise silently fall back to a default.
extension YAMLField {
    /// This field, once checked to be a mapping whose keys are all among `keys` (listed in this order
    /// in messages); an unknown key is named as a `noun` ("field", "waveform"), with the nearest known
    /// key when it is a likely misspelling.
    package func mapping(allowing keys: [String], noun: String = "field") throws(YAMLFieldError) -> YAMLField {
        for (key, value) in try entries() where !keys.contains(key) {
            var message = "unknown \(noun) '\(key)'"
            if let suggestion = closest(to: key, among: keys) { message += " (did you mean '\(suggestion)'?)" }
            throw value.error(message + "; known: " + keys.joined(separator: ", "))
        }
        return self
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
