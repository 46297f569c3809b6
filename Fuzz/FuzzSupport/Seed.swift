import Foundation

/// A first input for a fuzz target, named for the file it is written to.
public struct Seed: Sendable {
    /// The file name, unique among the target's seeds.
    public var name: String
    /// The input.
    public var bytes: [UInt8]

    /// A seed called `name` holding `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// Every regular file under `folder` (relative to the repository root) whose name ends with one of
    /// `suffixes`, in path order; a missing folder gives none, so a moved fixture thins the seeds
    /// rather than stopping the fuzzer.
    public static func files(under folder: String, endingWith suffixes: [String]) throws -> [Seed] {
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return [] }
        var seeds: [Seed] = []
        for case let path as String in walker where suffixes.contains(where: path.hasSuffix) {
            let full = "\(folder)/\(path)"
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let bytes = try Data(contentsOf: URL(fileURLWithPath: full))
            seeds.append(Seed(name: full.replacingOccurrences(of: "/", with: "-"), bytes: Array(bytes)))
        }
        return seeds.sorted { $0.name < $1.name }
    }

    /// Each non-empty line of each seed (without its line break) as a seed of its own.
    public static func lines(of seeds: [Seed]) -> [Seed] {
        seeds.flatMap { seed in
            seed.bytes.split(separator: 0x0A).enumerated().map { index, line in
                Seed(name: "\(seed.name)-\(index + 1)", bytes: Array(line))
            }
        }
    }
}
