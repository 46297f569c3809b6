import DeviceImport
import DeviceProfiles
import FileIO
import Foundation

/// The recordings and device logs that the paths given to `scs analyze` stand for (`docs/cli.md`
/// §analyze): a file, a pipe or `-` is itself; an RC+S session folder (one that holds a session file)
/// is one device log; any other folder stands for the recordings (`.jsonl`), Percept session reports
/// (`.json` judged by content, so that other JSON beside them is passed over) and session folders
/// inside it, at any depth, in the byte order of their paths (as `find | sort` lists them), hidden names
/// left out.
package enum RecordingPaths {
    /// `paths` with every folder that is not an RC+S session replaced by what it holds, in order.
    ///
    /// - Throws: ``InputError`` for a folder that cannot be listed or holds nothing to analyse.
    package static func expand(_ paths: [String]) throws(InputError) -> [String] {
        var expanded: [String] = []
        for path in paths {
            guard path != InputFile.standardInputPath, FileKind(path: path) == .folder, !isSession(path) else {
                expanded.append(path)
                continue
            }
            let found = try contents(of: path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            guard !found.isEmpty else {
                throw InputError(
                    path,
                    "no recordings (.jsonl), Percept session reports (.json), RC+S session files or session folders "
                        + "inside")
            }
            expanded += found
        }
        return expanded
    }

    /// Whether the folder at `path` holds one of the RC+S session files.
    private static func isSession(_ path: String) -> Bool {
        RCSFile.allCases.contains { FileKind(path: joined(path, $0.name)) == .regular }
    }

    private static func isPerceptReport(_ path: String) -> Bool {
        guard case .perceptReport = try? ImportSource.detect(URL(fileURLWithPath: path), name: path) else {
            return false
        }
        return true
    }

    private static func contents(of folder: String) throws(InputError) -> [String] {
        let names: [String]
        do {
            names = try FolderEntries.names(in: folder)
        } catch {
            throw InputError(folder, error.reason)
        }
        var found: [String] = []
        for name in names where !name.hasPrefix(".") {
            let path = joined(folder, name)
            switch FileKind(path: path) {
            case .folder: found += isSession(path) ? [path] : try contents(of: path)
            case .regular where name.hasSuffix(".jsonl"): found.append(path)
            case .regular where name.hasSuffix(".json") && isPerceptReport(path): found.append(path)
            default: continue
            }
        }
        return found
    }

    private static func joined(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }
}
