import Foundation
import Testing

@testable import ProgrammerUI

/// The page's session every target must carry (`scs ui`, `--socket`, `--usb`): write a slot, activate
/// it, switch therapy on and see the device's state follow; then a request the device itself refuses,
/// shown as a sentence. The workbench answers each message as it answers the page's WebSocket.
enum PageSession {
    static func run(on workbench: Workbench) async throws {
        let state = try #require(decoded(await workbench.hello()).data["state"] as? [String: Any])
        let target = try #require(state["target"] as? String)

        let written = await workbench.answers(checkMessage(amplitude: "2", type: "write"))
        #expect(written.first?.type == "done", "\(target): \(written.first?.data ?? [:])")
        #expect(slotPrograms(written.last?.data).first??.contains("2 mA") == true, "\(target)")
        #expect(await workbench.answers(#"{"type":"activate","slot":1}"#).first?.type == "done")
        let on = await workbench.answers(#"{"type":"therapy","on":true}"#)
        #expect(on.first?.type == "done")
        let status = try #require(on.last?.data["status"] as? [String: Any])
        #expect(status["therapyOn"] as? Bool == true, "\(target)")
        #expect(status["activeSlot"] as? Int == 1, "\(target): \(status)")

        // Slot 2 holds no program: the host sends the request, and the device refuses it.
        let refused = await workbench.answers(#"{"type":"activate","slot":2}"#)
        #expect(refused.first?.type == "refused")
        let sentence = try #require(refused.first?.data["message"] as? String)
        #expect(sentence.hasPrefix("the device refused it: "), "\(target): \(sentence)")
        #expect(refused.first?.data["status"] as? Int == 409)
        let after = try #require(refused.last?.data["status"] as? [String: Any])
        #expect(after["activeSlot"] as? Int == 1 && after["therapyOn"] as? Bool == true, "\(target): \(after)")
    }
}
