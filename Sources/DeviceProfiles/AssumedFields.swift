import Foundation
import Yams

/// The fields a profile marks as assumed (`docs/device-profiles.md`): a value whose line carries a
/// comment with the word `assumed`. YAML drops comments, so the comment is read from the value's line.
enum AssumedFields {
    /// The paths (`battery.usableFraction`, `leads[0].contacts`) of the scalar values in `root` whose
    /// line in `text` has a comment saying `assumed`, sorted.
    static func paths(in root: Node?, text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var found: Set<String> = []
        func visit(_ node: Node, path: String) {
            switch node {
            case .mapping(let mapping):
                for (key, value) in mapping {
                    let name = key.string ?? ""
                    visit(value, path: path.isEmpty ? name : "\(path).\(name)")
                }
            case .sequence(let sequence):
                for (index, element) in sequence.enumerated() {
                    // The elements of a one-line list share its comment: the list is what is assumed.
                    visit(element, path: element.scalar != nil ? path : "\(path)[\(index)]")
                }
            default:
                guard let line = node.mark?.line, line >= 1, line <= lines.count,
                    let hash = lines[line - 1].range(of: " #")
                else { return }
                if lines[line - 1][hash.upperBound...].lowercased().contains("assumed") { found.insert(path) }
            }
        }
        if let root { visit(root, path: "") }
        return found.sorted()
    }
}
