import Foundation
import StimSafety

extension DeviceProfile {
    /// Loads and checks the profile in the YAML file at `url`.
    ///
    /// Required fields: `id`, `amplitude`, `pulseWidth`, `frequency` (at least one waveform),
    /// `interphaseGap`, `leads`, `currentPerContactMax`, `complianceVoltage`, `impedance.nominal`,
    /// `battery.kind` and `battery.capacity`. Everything else has a default: `name` = id, `output` =
    /// current, `programs` 1, `maxActiveContacts` = every lead contact (plus the case when allowed),
    /// `fractionStep` 1 %, `caseElectrode` false, `passiveRecoveryMin` 3 × pulse width, `headroom` 1 V,
    /// impedance short 250 Ω / open 4000 Ω, charge density warn 30 µC/cm² and no rejection, Shannon k
    /// warn 1.5 / reject 1.85, no amplitude slew limit, and the battery constants of `safety-rules.md`
    /// §3. An unknown key anywhere is an error.
    ///
    /// - Parameters:
    ///   - url: The file to read.
    ///   - displayPath: How to name the file in errors; by default its path relative to the current
    ///     directory when it lies inside it, else its full path.
    /// - Throws: ``InputError`` naming the file, the field and the problem; nothing is half-loaded.
    public init(contentsOf url: URL, displayPath: String? = nil) throws(InputError) {
        // Read as text once: the parser takes the fields from it and ``AssumedFields`` the comments.
        let file = try YAMLField.text(ofFile: url.path, as: displayPath ?? Self.displayPath(for: url))
        try self.init(yaml: file.text, path: file.name)
    }

    /// Parses and checks a profile from YAML text; `path` names it in errors.
    ///
    /// The same fields, defaults and checks as ``init(contentsOf:displayPath:)``, and the bounds of
    /// ``YAMLDocument``.
    public init(yaml: String, path: String) throws(InputError) {
        let root = try YAMLField.parse(yaml, file: path)
        self = try ProfileParser.profile(from: root)
        assumedFields = AssumedFields.paths(in: root.node, text: yaml)
    }

    /// `url`'s path relative to the current directory when it lies inside it, else its full path.
    static func displayPath(for url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
