/// The check that a mapping holds only the keys its schema allows.
///
/// An unknown key is an error, never ignored: a misspelt safety limit (`complianceVoltag`) would
/// otherwise silently fall back to a default.
extension YAMLField {
    /// This field, once checked to be a mapping whose keys are all among `keys` (listed in this order
    /// in messages); an unknown key is named as a `noun` ("field", "waveform"), with the nearest known
    /// key when it is a likely misspelling.
    package func mapping(allowing keys: [String], noun: String = "field") throws(InputError) -> YAMLField {
        for (key, value) in try entries() where !keys.contains(key) {
            var message = "unknown \(noun) '\(key)'"
            if let suggestion = Misspelling.likelyIntent(of: key, among: keys) {
                message += " (did you mean '\(suggestion)'?)"
            }
            throw value.error(message + "; known: " + keys.joined(separator: ", "))
        }
        return self
    }
}
