import DeviceProfiles
import Foundation
import Testing
import Yams

@Suite("YAML documents within bounds")
struct YAMLDocumentTests {
    /// A document whose mapping keys are aliases of mappings keyed by aliases, `depth` levels deep: each
    /// level multiplies by 10 what hashing one key costs, so Yams alone takes ~10 s at depth 6.
    static func aliasBomb(depth: Int, keysAreAliases: Bool) -> String {
        var lines = ["a0: &a0 {x: 1}"]
        for level in 1...depth {
            let keys = (0..<10).map { index in
                keysAreAliases ? "? *a\(level - 1) : \(index)" : "? [*a\(level - 1), \(index)] : \(index)"
            }
            lines.append("a\(level): &a\(level) {\(keys.joined(separator: ", "))}")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `depth` lists nested in one another, on one line.
    static func nestedLists(depth: Int) -> String {
        String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
    }

    /// `depth` block mappings nested in one another, one key per line.
    static func nestedMappings(depth: Int) -> String {
        (0..<depth).map { level in String(repeating: " ", count: level) + (level == depth - 1 ? "k: 1" : "k:") }
            .joined(separator: "\n") + "\n"
    }

    @Test(
        "An alias bomb is refused at its first alias, before any expansion, naming the line",
        arguments: [8, 12, 40])
    func aliasBombIsRefused(depth: Int) throws {
        let text = Self.aliasBomb(depth: depth, keysAreAliases: false)
        #expect(text.utf8.count < 10_000)
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose(text) }
        #expect(error.line == 2)
        #expect(error.message.contains("key that is a list or a mapping"), "\(error)")
    }

    @Test("Aliases are refused wherever they stand, naming the alias and its line")
    func aliasesAreRefused() throws {
        for text in [
            "a: &x 1\nb: *x\n", "a: &x 1\n*x : 2\n", "a: &x {y: 1}\nb: [1, *x]\n", "a: &x {y: 1}\nb: {<<: *x}\n",
        ] {
            let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose(text) }
            #expect(error.line == 2)
            #expect(error.message.contains("uses the alias *x"), "\(error)")
        }
    }

    @Test("A profile holding an alias bomb refuses the whole catalog, naming the file and line")
    func aliasBombInTheDevicesFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-bomb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try minimalProfile.write(to: folder.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try Self.aliasBomb(depth: 9, keysAreAliases: true)
            .write(to: folder.appendingPathComponent("bomb.yaml"), atomically: true, encoding: .utf8)
        let error = try #require(throws: CatalogError.self) { try DeviceCatalog(contentsOf: folder) }
        guard case .profile(let profileError) = error else {
            Issue.record("expected a profile error, got \(error)")
            return
        }
        #expect(profileError.file.hasSuffix("bomb.yaml"))
        #expect(profileError.line == 2)
        #expect(profileError.description.contains("bomb.yaml:2: uses the alias *a0"), "\(profileError)")
    }

    @Test("Lists and mappings nest at most 32 deep: 32 is read, 33 is refused where it starts", arguments: [32, 33])
    func nestingDepthIsBounded(depth: Int) throws {
        // The 33rd level starts at column 33 in both: after 32 brackets, or indented by 32 spaces.
        for (text, line) in [(Self.nestedLists(depth: depth), 1), (Self.nestedMappings(depth: depth), 33)] {
            if depth <= YAMLDocument.maximumDepth {
                #expect(try YAMLDocument.compose(text) != nil)
            } else {
                let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose(text) }
                #expect(error.description == "line \(line): nests lists and mappings more than 32 deep (column 33)")
            }
        }
    }

    @Test("A hundred thousand nested lists are refused at once, at line 1")
    func absurdNestingIsRefused() throws {
        let error = try #require(throws: YAMLDocumentError.self) {
            try YAMLDocument.compose(Self.nestedLists(depth: 100_000))
        }
        #expect(error.line == 1)
        #expect(error.message.lowercased().contains("nest"), "\(error)")
    }

    @Test("A document of exactly 1 MiB is read; one byte more is refused")
    func sizeIsBounded() throws {
        let filler = "# " + String(repeating: "x", count: YAMLDocument.maximumBytes - 3 - 5) + "\n"
        let text = filler + "a: 1\n"
        #expect(text.utf8.count == YAMLDocument.maximumBytes)
        #expect(try YAMLDocument.compose(text)?.mapping?.count == 1)
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose(text + "\n") }
        #expect(error.message.contains("larger than 1 MiB"))
    }

    @Test("An endless device is refused when opened, and a file past the bound as too large")
    func endlessFileIsRefused() throws {
        let device = try #require(throws: InputError.self) { try YAMLField.read(file: "/dev/zero") }
        #expect(device.description == "/dev/zero: is a character device, not a regular file or a pipe")
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-large-\(UUID().uuidString).yaml")
        try Data(repeating: 0x20, count: YAMLDocument.maximumBytes + 1).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let large = try #require(throws: InputError.self) { try YAMLField.read(file: url.path, as: "large.yaml") }
        #expect(large.file == "large.yaml" && large.message.contains("larger than 1 MiB"))
    }

    @Test(
        "A file that cannot be read says why in plain words, not Foundation's",
        arguments: [("/", "is a folder, not a file"), ("/no/such.yaml", "no such file")])
    func unreadableFileSaysWhy(path: String, message: String) throws {
        let error = try #require(throws: InputError.self) { try YAMLField.read(file: path) }
        #expect(error.file == path && error.message == message)
    }

    @Test("A file that is not UTF-8 is refused as such")
    func latin1IsRefused() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("scs-latin1-\(UUID().uuidString).yaml")
        try (Data("name: caf".utf8) + [0xE9, 0x0A]).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = try #require(throws: InputError.self) { try YAMLField.read(file: url.path) }
        #expect(error.message == "not UTF-8 text: byte 0xE9 at line 1, column 10 (byte offset 9)")
    }

    @Test(
        "A key written twice in one mapping is refused, however it is quoted or typed",
        arguments: [
            ("a: 1\na: 2\n", "a"), ("on: 1\n\"on\": 2\n", "on"), ("1: x\n'1': y\n", "1"),
            ("x: {null: 1, 'null': 2}\n", "null"), ("x:\n  - {y: 1, \"y\": 2}\n", "y"),
        ])
    func duplicateKeysAreRefused(text: String, key: String) throws {
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose(text) }
        #expect(error.message.hasPrefix("duplicate key '\(key)' in one mapping"), "\(error)")
        #expect(error.line != nil)
    }

    @Test("Two keys that only YAML's typing would merge are two keys")
    func keysDifferingAsWrittenAreDistinct() throws {
        let root = try YAMLField.parse("{1: a, 01: b, 0x1: c, true: d, True: e}\n", file: "x.yaml")
        #expect(try root.entries().count == 5)
        #expect(try root.required("01").text() == "b")
        #expect(try root.required("True").text() == "e")
    }

    @Test("A key that is a list or a mapping is refused")
    func complexKeysAreRefused() throws {
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose("? [a, b]\n: 1\n") }
        #expect(error.message.contains("key that is a list or a mapping"))
        #expect(error.line == 1)
    }

    @Test("A second document is refused with its line")
    func secondDocumentIsRefused() throws {
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose("a: 1\n---\nb: 2\n") }
        #expect(error.line == 2)
        #expect(error.message.contains("second document"))
    }

    @Test("A syntax error keeps libyaml's words and its line and column")
    func syntaxErrorIsLocated() throws {
        let error = try #require(throws: YAMLDocumentError.self) { try YAMLDocument.compose("a: 1\nb: [2\n") }
        #expect(error.line == 3)
        #expect(error.message.hasPrefix("YAML syntax error: did not find expected ',' or ']'"), "\(error)")
    }

    @Test(
        "Keys are read as written, whatever YAML 1.1 would type them as, quoted or not",
        arguments: ["on", "off", "yes", "no", "y", "n", "true", "false", "null", "~", "1", "01", "1.5", "0x1F", "<<"],
        ["plain", "single", "double"])
    func keysAreReadAsWritten(key: String, style: String) throws {
        let written =
            switch style {
            case "single": "'\(key)'"
            case "double": "\"\(key)\""
            default: key
            }
        let root = try YAMLField.parse("\(written): value\nother: 2\n", file: "x.yaml")
        #expect(try root.required(key).text() == "value")
        #expect(try root.entries().first?.key == key)
    }

    @Test("A value keeps its YAML meaning: an unquoted true is a Boolean, a quoted one is text")
    func valuesKeepTheirMeaning() throws {
        let root = try YAMLField.parse("a: true\nb: 'true'\n", file: "x.yaml")
        #expect(root.child("a").node?.bool == true)
        #expect(root.child("b").node?.bool == nil)
    }
}
