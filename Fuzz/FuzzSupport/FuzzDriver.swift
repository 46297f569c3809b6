import Foundation

#if FUZZING
    import CFuzzer
#endif

/// The `main` of every fuzz executable.
///
/// Built with `-sanitize=fuzzer,address -DFUZZING` (`scripts/fuzz`), it hands the command line to
/// libFuzzer's `LLVMFuzzerRunDriver`, which fuzzes the target. Built plainly, it replays the files
/// (and the files in the folders) given as arguments, so that CI can run saved crashers in any build.
/// Either way `--write-seeds FOLDER` writes the target's seed inputs there and exits.
public enum FuzzDriver {
    /// Runs `target` as the command line asks; does not return.
    public static func main(_ target: FuzzTarget) -> Never {
        switch command() {
        case .writeSeeds(let folder): exit(writeSeeds(of: target, to: folder))
        case .replay(let paths): exit(replay(target, paths: paths))
        case .fuzz:
            #if FUZZING
                exit(fuzz(target))
            #else
                usage(target)
            #endif
        case .usage: usage(target)
        }
    }

    /// What the command line asks for.
    private enum Command {
        case writeSeeds(String)
        case replay([String])
        /// Hand the command line to libFuzzer. Nothing of it is held here: the driver ends the process
        /// with `exit`, and LeakSanitizer would count a copy still on this stack as a leak.
        case fuzz
        case usage
    }

    private static func command() -> Command {
        let arguments = CommandLine.arguments.dropFirst()
        if arguments.first == "--write-seeds" {
            return arguments.count == 2 ? .writeSeeds(arguments[arguments.startIndex + 1]) : .usage
        }
        #if FUZZING
            return .fuzz
        #else
            guard !arguments.isEmpty, !arguments.contains(where: { $0.hasPrefix("-") }) else { return .usage }
            return .replay(Array(arguments))
        #endif
    }

    /// The result of a target's fixed set-up (a profile, a catalog), which must work: when it throws,
    /// the fuzzer could only report a crash per input, so the process says why and exits.
    public static func prepare<Value>(_ what: String, _ body: () throws -> Value) -> Value {
        do {
            return try body()
        } catch {
            printError("fuzz: cannot prepare \(what): \(error)")
            exit(2)
        }
    }

    private static func usage(_ target: FuzzTarget) -> Never {
        let name = "fuzz-\(target.name)"
        #if FUZZING
            let mode = "\(name) [libFuzzer flags] [CORPUS_FOLDER...]   (see -help=1)"
        #else
            let mode = "\(name) FILE_OR_FOLDER...   (replays each input; built without FUZZING)"
        #endif
        printError("usage: \(mode)\n       \(name) --write-seeds FOLDER")
        exit(2)
    }

    private static func writeSeeds(of target: FuzzTarget, to folder: String) -> Int32 {
        do {
            let seeds = try target.seeds()
            let url = URL(fileURLWithPath: folder, isDirectory: true)
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            for seed in seeds {
                try Data(seed.bytes).write(to: url.appendingPathComponent(seed.name))
            }
            print("fuzz-\(target.name): \(seeds.count) seeds written to \(folder)")
            return 0
        } catch {
            printError("fuzz-\(target.name): cannot write the seeds to \(folder): \(error)")
            return 1
        }
    }

    /// Runs every input under `paths` through the target, in path order, and says how many ran and
    /// which was slowest (a hang shows as a replay that never ends; CI bounds it with `timeout`).
    private static func replay(_ target: FuzzTarget, paths: [String]) -> Int32 {
        var files: [String] = []
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                printError("fuzz-\(target.name): \(path): no such file or folder")
                return 2
            }
            files += isFolder.boolValue ? inputs(in: path) : [path]
        }
        let clock = ContinuousClock()
        var slowest: (file: String, time: Duration)?
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                printError("fuzz-\(target.name): \(file): cannot be read")
                return 2
            }
            let time = clock.measure { target.test(Array(data)) }
            if time > slowest?.time ?? .zero { slowest = (file, time) }
        }
        let note = slowest.map { slowest in
            let seconds = Double(slowest.time.components.seconds) + Double(slowest.time.components.attoseconds) / 1e18
            return ", the slowest in \(String(format: "%.3f", seconds)) s (\(slowest.file))"
        }
        print("fuzz-\(target.name): \(files.count) inputs replayed, none failed\(note ?? "")")
        return 0
    }

    /// The regular files under `folder`, recursively, in path order; names starting with a dot are skipped.
    private static func inputs(in folder: String) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let path = walker?.nextObject() as? String {
            let full = "\(folder)/\(path)"
            var isFolder: ObjCBool = false
            guard !(path as NSString).lastPathComponent.hasPrefix("."),
                FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            files.append(full)
        }
        return files.sorted()
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data((message + "\n").utf8))
    }

    #if FUZZING
        /// The target libFuzzer's callback runs. A C callback cannot capture it, so it is a global: written
        /// once before the driver starts, then only read, on libFuzzer's one thread.
        nonisolated(unsafe) fileprivate static var current: FuzzTarget?

        private static func fuzz(_ target: FuzzTarget) -> Int32 {
            current = target
            var argc = CommandLine.argc
            var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
            return LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) }
        }
    #endif
}

#if FUZZING
    /// libFuzzer's own `main`, which the linker pulls from the fuzzer library before SwiftPM's
    /// `--defsym main=…` takes effect, needs this symbol to link; the `@main` still runs, and both paths
    /// run the target the same way.
    @_cdecl("LLVMFuzzerTestOneInput")
    public func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        FuzzDriver.current?.test(Array(UnsafeBufferPointer(start: data, count: size)))
        return 0
    }
#endif
