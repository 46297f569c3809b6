import DeviceProfiles
import Foundation
import FuzzSupport
import StimDevice
import StimProtocol
import StimSafety
import TherapyLog

/// The simulated stimulator's handling of what arrives on the wire.
///
/// Input: a mode byte, then
/// - even mode: a chunk-size byte (1 … 256) and a byte stream for a connection, never authenticated.
///   The device must answer the chunks exactly as it answers the same bytes in one transfer, and
///   must be left as it was: bytes without a session key can change nothing.
/// - odd mode: requests in an authenticated session (a clinician's, or with bit 1 set a patient's) on
///   a device already running a program, each a ``SessionRecord``. Whatever they do, every stored
///   program must still pass the safety core, and the device's event log must read back as a
///   recording whose only findings are times out of order (a clock set back is a fact the log keeps).
@main
enum DeviceFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "device", seeds: seeds, test: test))
    }

    static let limits = FuzzDriver.prepare("the tonic-16 profile") {
        try DeviceCatalog.bundled().profile(id: "tonic-16").limits
    }

    @Sendable static func test(_ input: [UInt8]) {
        var cursor = InputCursor(input)
        let mode = cursor.byte() ?? 0
        if mode & 1 == 0 {
            stream(cursor)
        } else {
            session(cursor, role: mode & 2 == 0 ? .clinician : .patient)
        }
    }

    static func stream(_ input: InputCursor) {
        var cursor = input
        let chunkSize = Int(cursor.byte() ?? 0) + 1
        let bytes = Array(cursor.rest())
        let device = TestHost.device(limits: limits)
        let before = device.state()
        let connection = device.makeConnection()
        var answers: [UInt8] = []
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + chunkSize)
            answers += connection.receive(Array(bytes[offset..<end]))
            offset = end
        }
        answers += connection.finish()
        fuzzExpect(device.state() == before, "unauthenticated bytes changed the device's state")
        let whole = TestHost.device(limits: limits).handle(frameBytes: bytes)
        fuzzExpect(
            answers == whole, "a stream in chunks of \(chunkSize) bytes is answered differently from one transfer")
    }

    static func session(_ input: InputCursor, role: StimProtocol.Role) {
        var cursor = input
        var host = TestHost.prepared(limits: limits, role: role)
        while let record = SessionRecord(&cursor) {
            host.send(record)
        }
        let state = host.device.state()
        for slot in state.slots {
            guard let program = slot.program else { continue }
            let verdict = limits.validate(program, context: ValidationContext(slot: slot.slot)).verdict
            fuzzExpect(verdict != .rejected, "slot \(slot.slot) holds a program the safety core rejects: \(program)")
        }
        expectReadable(host.device.exportRecording())
    }

    /// The device's own log must be a recording its reader takes without a finding, but for times out
    /// of order after the clock was set back.
    static func expectReadable(_ recording: [UInt8]) {
        let file = ScratchFolder.shared.write(recording, to: "device.scsrec.jsonl")
        do {
            let reader = try RecordingReader(contentsOf: file, decoder: StrictLineDecoder())
            var findings: [ReadingFinding] = []
            _ = try reader.read { item in
                if case .finding(let finding) = item, finding.kind != .outOfOrder { findings.append(finding) }
            }
            fuzzExpect(findings.isEmpty, "the device's event log reads with findings: \(findings)")
        } catch {
            fuzzExpect(false, "the device's event log is not a readable recording: \(error)")
        }
    }
}
