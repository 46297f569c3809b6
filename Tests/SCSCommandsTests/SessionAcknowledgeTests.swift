import Foundation
import Testing

/// `adjust --acknowledge` reaches the device: over `scs serve`'s socket, a second session acknowledges
/// a warning of a slot that the first wrote without one, and the device takes it.
@Suite("scs session: adjust --acknowledge over the wire")
struct SessionAcknowledgeTests {
    @Test func aSlotWrittenWithoutAcknowledgementTakesTheAdjustsOwn() throws {
        let server = try ServedSimulator(device: "tonic-16")
        let first = try SCSProcess.run(
            ["session", "--socket", server.socket],
            input: """
                write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                activate 1
                """)
        let second = try SCSProcess.run(
            ["session", "--socket", server.socket],
            input: """
                adjust 9
                adjust 9 --acknowledge shannon
                on
                status
                """)
        let patient = try SCSProcess.run(
            ["session", "--socket", server.socket, "--role", "patient"], input: "adjust 4 --acknowledge shannon\n")
        let stopped = server.stop()
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(second.answer(to: "adjust 9").contains("to send it, acknowledge each warning: --acknowledge shannon"))
        #expect(second.answer(to: "adjust 9 --acknowledge shannon").contains("amplitude set: ramping to 9 mA"))
        // The device kept the acknowledgement for the slot: therapy starts at 9 mA.
        #expect(second.answer(to: "on").contains("therapy on"))
        #expect(second.stdout.contains("therapy    on"), "\(second.stdout)")
        #expect(patient.stdout.contains("a patient's remote cannot acknowledge warnings"))
        #expect(stopped.status == 0)
    }
}
