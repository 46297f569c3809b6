import RecordingFormat

/// A JSON document read the way real device logs need, by ``JSONParser`` in its tolerant mode: bare `NaN`, `Infinity` and `INF` tokens,
/// trailing commas, missing commas between records and a file cut off part-way are repaired, and
/// every repair is listed with its place.
///
/// A non-finite number has no value in the recording model, so it is read as `null` (a missing
/// value). A file cut off part-way keeps the complete members of its outermost array or object and
/// drops the one that was cut: for a session file that is the last, incomplete record.
public struct TolerantJSON: Hashable, Sendable {
    /// The document, numbers kept as their decimal text.
    public var value: JSONValue
    /// The repairs, in file order.
    public var repairs: [JSONRepair]

    /// Reads `bytes` as one JSON document.
    ///
    /// - Throws: ``JSONDamage`` when the bytes hold no document, or damage no repair can undo (a
    ///   character where no value can start, text after the document, nesting deeper than 512).
    public init(parsing bytes: [UInt8]) throws(JSONDamage) {
        let parsed = bytes.withUnsafeBytes { bytes in
            Result { () throws(JSONDamage) in try JSONParser.parse(bytes, mode: .tolerant) }
        }
        (value, repairs) = try parsed.get()
    }

    /// Reads `bytes` as one JSON document of `file`, naming the file when the damage is beyond repair.
    init(parsing bytes: [UInt8], file: String) throws(ImportError) {
        do {
            try self.init(parsing: bytes)
        } catch {
            throw ImportError(file: file, "too damaged to repair: \(error)")
        }
    }
}
