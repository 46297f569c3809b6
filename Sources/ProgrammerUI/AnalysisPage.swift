import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The HTML report of `scs analyze` for a recording or device log named by path: the page's
/// "Recordings" view. The report is made by running `scs analyze --html -` (this very executable), so
/// that it is the command's own report, and a recording that breaks the analysis breaks only that run.
struct AnalysisPage: Sendable {
    /// The `scs` executable to run.
    let executable: String
    /// `--devices DIR`, when given to `scs ui`.
    let devices: String?

    /// The report of the recording at `path`, or a 400 page with what `scs analyze` said.
    func response(path: String?) async -> Response {
        guard let path, !path.isEmpty else {
            return Refusal.response(.badRequest, "give the path of a recording or device log (path=…)")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("scs-ui-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reportFile = folder.appendingPathComponent("report.html")
        let messageFile = folder.appendingPathComponent("stderr.txt")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments =
            ["analyze", "--html", reportFile.path] + (devices.map { ["--devices", $0] } ?? []) + ["--", path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
            guard FileManager.default.createFile(atPath: messageFile.path, contents: nil) else {
                return Refusal.response(.internalServerError, "cannot write \(messageFile.path)")
            }
            process.standardError = try FileHandle(forWritingTo: messageFile)
            // Awaited through the termination handler: no thread of the pool waits for the child.
            try await withCheckedThrowingContinuation { (done: CheckedContinuation<Void, any Error>) in
                process.terminationHandler = { _ in done.resume() }
                do { try process.run() } catch { done.resume(throwing: error) }
            }
        } catch {
            return Refusal.response(.internalServerError, "cannot run \(executable): \(error)")
        }
        guard let html = FileManager.default.contents(atPath: reportFile.path) else {
            let said = FileManager.default.contents(atPath: messageFile.path) ?? Data()
            return Refusal.response(.badRequest, String(decoding: said, as: UTF8.self))
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8",
                .contentSecurityPolicy: "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
            ],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: Array(html))))
    }
}
