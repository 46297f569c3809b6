import ArgumentParser
import Foundation
import SCSCommands

@testable import ProgrammerUI

/// The answers a workbench sends, collected in order.
actor Inbox {
    private(set) var messages: [String] = []

    func add(_ text: String) { messages.append(text) }
}

extension Workbench {
    /// A workbench on an in-process simulator of `device`.
    static func simulator(_ device: String = "tonic-16") async throws -> Workbench {
        try await Workbench(options: TargetOptions.parse(["--device", device]), overUSB: false, defaultDevice: device)
    }

    /// The answers to `text`, each `(type, data)`.
    nonisolated func answers(_ text: String) async -> [(type: String, data: [String: Any])] {
        let inbox = Inbox()
        await handle(text) { await inbox.add($0) }
        return await inbox.messages.map(decoded)
    }
}

/// One of the server's messages as `(type, data)`.
func decoded(_ text: String) -> (type: String, data: [String: Any]) {
    let object = (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:]
    return (object["type"] as? String ?? "", object["data"] as? [String: Any] ?? [:])
}

/// The program summary of each slot in a `state` message's data, nil for an empty slot.
func slotPrograms(_ state: [String: Any]?) -> [String?] {
    ((state?["slots"] as? [[String: Any]]) ?? []).map { $0["program"] as? String }
}

/// A program message of the page's shape for tonic-16, contacts 2−/3+, 300 µs, 50 Hz.
func checkMessage(
    amplitude: String, type: String = "check", acknowledge: [String] = [], slot: Int = 1, envelope: Int? = nil
) -> String {
    let acknowledged = acknowledge.map { "\"\($0)\"" }.joined(separator: ",")
    return """
        {"type":"\(type)","id":7,"slot":\(slot),"acknowledge":[\(acknowledged)],"envelope":\(envelope.map(String.init) ?? "null"),
         "program":{"amplitude":\(amplitude),"pulseWidth":300,"frequency":50,"waveform":"tonic",
                    "contacts":{"2":-100,"3":100}}}
        """
}
