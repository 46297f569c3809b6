import FileIO
import Foundation
import StimSafety
import Yams

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
    /// - Throws: ``ProfileError`` naming the file, the field and the problem; nothing is half-loaded.
    public init(contentsOf url: URL, displayPath: String? = nil) throws(ProfileError) {
        let path = displayPath ?? Self.displayPath(for: url)
        let text: String
        do {
            text = try InputFile(path: url.path).readText()
        } catch {
            throw ProfileError(file: path, field: "", message: "cannot be read: \(error.reason)")
        }
        try self.init(yaml: text, path: path, sourceURL: url)
    }

    /// Parses and checks a profile from YAML text; `path` names it in errors.
    ///
    /// The same fields, defaults and checks as ``init(contentsOf:displayPath:)``.
    public init(yaml: String, path: String, sourceURL: URL? = nil) throws(ProfileError) {
        let root: Node
        do {
            root = try Yams.compose(yaml: yaml) ?? Node("", .implicit)
        } catch let error as YamlError {
            throw Self.syntaxError(error, path: path)
        } catch {
            throw ProfileError(file: path, field: "", message: "is not valid YAML: \(error)")
        }
        self = try ProfileParser.profile(from: ProfileNode(node: root, path: "", file: path), sourceURL: sourceURL)
    }

    /// A YAML error as a located ``ProfileError``.
    private static func syntaxError(_ error: YamlError, path: String) -> ProfileError {
        switch error {
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            return ProfileError(
                file: path, field: "", message: "YAML syntax error: \(problem) (column \(mark.column))",
                line: mark.line)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.sorted().map { "'\($0)'" }.joined(separator: ", ")
            return ProfileError(
                file: path, field: "", message: "duplicate key \(keys) in one mapping (first given on this line)",
                line: context.mark.line)
        case .reader(let problem, _, _, _):
            return ProfileError(file: path, field: "", message: "cannot be read as YAML text: \(problem)")
        default:
            return ProfileError(file: path, field: "", message: "is not valid YAML: \(error)")
        }
    }

    /// `url`'s path relative to the current directory when it lies inside it, else its full path.
    static func displayPath(for url: URL) -> String {
        let path = url.standardizedFileURL.path
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL.path
        let prefix = current.hasSuffix("/") ? current : current + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }
}
