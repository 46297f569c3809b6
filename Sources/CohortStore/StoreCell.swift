/// One value of the store's rows as both engines (SQLite, PostgreSQL) write and read it, so that the
/// rows of a recording and the cohort's questions are made once for both.
enum StoreCell: Sendable, Equatable {
    case null
    case integer(Int)
    case real(Double)
    case text(String)

    init(_ value: Int) { self = .integer(value) }
    init(_ value: Double?) { self = value.map(StoreCell.real) ?? .null }
    init(_ value: String) { self = .text(value) }

    /// An integer column or aggregate; zero for none (a SUM over no rows).
    var int: Int {
        switch self {
        case .integer(let value): value
        case .real(let value): Int(value)
        case .null, .text: 0
        }
    }

    /// A real column or aggregate (SQLite may hand back a whole number as an integer).
    var double: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .real(let value): value
        case .null, .text: nil
        }
    }

    var string: String {
        guard case .text(let value) = self else { return "" }
        return value
    }
}

/// A SQL text written with `?` placeholders, as PostgreSQL wants it: `$1`, `$2`, … in their order.
/// The store's statements have no `?` inside a string literal.
func numberedPlaceholders(_ sql: String) -> String {
    var number = 0
    var result = ""
    for character in sql {
        guard character == "?" else {
            result.append(character)
            continue
        }
        number += 1
        result += "$\(number)"
    }
    return result
}
