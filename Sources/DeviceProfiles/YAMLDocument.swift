import Yams

/// A YAML or JSON file that a person writes (a device profile, a program, an impedance map, a check
/// plan), read within bounds and composed into a Yams node tree.
///
/// Every such file goes through here, so that each command refuses the same things before any tree
/// is built, with the line where it happens:
/// - more than ``maximumBytes`` (a file of ours is a few kilobytes; a huge one only costs time);
/// - lists and mappings nested more than ``maximumDepth`` deep (the deepest schema, a plan's
///   contact map, is 5 deep);
/// - aliases (`*name`): none of our schemas needs one, and keys that are aliases of aliases make
///   Yams' composer work exponentially (a 1 KB file can take hours);
/// - a mapping key that is a list or a mapping, or the same key written twice in one mapping;
/// - a second document in the stream.
///
/// Keys are compared as written: `on` and `"on"` are the same key, although YAML 1.1 types the first
/// as a Boolean. Read the tree through ``YAMLField``, never with Yams' typed look-up.
public enum YAMLDocument {
    /// The largest file read: 1 MiB.
    public static let maximumBytes = 1 << 20
    /// The deepest nesting of lists and mappings, the root counting as 1.
    public static let maximumDepth = 32

    /// The root node of `text`, nil when the text holds no document (empty, or only comments).
    ///
    /// - Throws: ``YAMLDocumentError`` for a syntax error or anything the type's bounds refuse.
    public static func compose(_ text: String) throws(YAMLDocumentError) -> Node? {
        guard text.utf8.count <= maximumBytes else { throw tooLarge }
        try YAMLShapeCheck.check(text)
        do {
            return try Yams.compose(yaml: text)
        } catch {
            // The shape check has parsed the same text with the same libyaml, so Yams has nothing left
            // to refuse; should it still, keep its first line (its description echoes the document).
            let summary = String(describing: error).prefix { $0 != "\n" }
            throw YAMLDocumentError("is not valid YAML: \(summary)")
        }
    }

    /// The error of an input past ``maximumBytes``, whether read from a file or given as text.
    static var tooLarge: YAMLDocumentError {
        YAMLDocumentError("is larger than 1 MiB (\(maximumBytes) bytes), the most a YAML or JSON input may be")
    }
}
