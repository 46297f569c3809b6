/// The four therapy groups, A–D, that a Percept and an RC+S device both hold, numbered 0–3 by the
/// importers.
enum DeviceGroup {
    /// Group 0…3 as `A`…`D`, the way both devices' software names it.
    static func letter(_ group: Int) -> String {
        ["A", "B", "C", "D"][group]
    }
}
