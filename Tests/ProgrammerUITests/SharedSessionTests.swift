import Foundation
import Testing

@testable import ProgrammerUI

/// What two pages (two browser tabs) on one `scs ui` receive, in the order it arrives.
actor TwoTabs {
    private(set) var log: [(tab: String, text: String)] = []

    func add(_ tab: String, _ text: String) { log.append((tab, text)) }

    /// Where the first message of `type` to `tab` stands in the log, if it came.
    func index(_ tab: String, _ type: String) -> Int? {
        log.firstIndex { $0.tab == tab && decoded($0.text).type == type }
    }
}

@Suite("Several tabs on one scs ui")
struct SharedSessionTests {
    static let recording = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Recordings/simulated/tonic-16-120d.scsrec.jsonl").path

    @Test("A write from one tab waits for the other tab's replay, which it cannot corrupt, and both see the state")
    func aReplayIsNotInterleavedWithAnotherTabsWrite() async throws {
        let workbench = try await Workbench.simulator()
        let tabs = TwoTabs()
        let sendA: @Sendable (String) async -> Void = { await tabs.add("A", $0) }
        let sendB: @Sendable (String) async -> Void = { await tabs.add("B", $0) }
        let pageA = await workbench.openPage(sendA)
        let pageB = await workbench.openPage(sendB)

        async let replay: Void = workbench.handle(
            #"{"type":"replay","path":"\#(Self.recording)"}"#, page: pageA, send: sendA)
        while await tabs.index("A", "progress") == nil { await Task.yield() }
        // Mid-replay, tab B polls, checks and writes: the poll and the write wait for the replay.
        async let poll: Void = workbench.handle(#"{"type":"state"}"#, page: pageB, send: sendB)
        await workbench.handle(checkMessage(amplitude: "2"), page: pageB, send: sendB)
        #expect(await tabs.index("B", "verdict") != nil)
        await workbench.handle(checkMessage(amplitude: "2.2", type: "write", slot: 4), page: pageB, send: sendB)
        _ = await (replay, poll)

        let log = await tabs.log.map { (tab: $0.tab, message: decoded($0.text)) }
        let replayed = try #require(await tabs.index("A", "replayed"))
        let written = try #require(await tabs.index("B", "done"))
        #expect(replayed < written, "the write ran inside the replay")
        let report = log[replayed].message.data
        #expect((report["divergences"] as? [Any])?.isEmpty == true, "\(report)")
        // Tab A sees the state after tab B's write, slot 4 included, without asking.
        let lastToA = try #require(log.last { $0.tab == "A" && $0.message.type == "state" })
        let slots = try #require(lastToA.message.data["slots"] as? [[String: Any]])
        #expect((slots.last?["program"] as? String)?.contains("2.2 mA") == true)
        await workbench.closePage(pageA)
        await workbench.closePage(pageB)
        await workbench.close()
    }

    @Test("A device chosen in one tab is described to every tab, so none checks against the old one")
    func aDeviceSwitchReachesEveryTab() async throws {
        let workbench = try await Workbench.simulator()
        let tabs = TwoTabs()
        let sendA: @Sendable (String) async -> Void = { await tabs.add("A", $0) }
        let pageA = await workbench.openPage(sendA)
        let pageB = await workbench.openPage { await tabs.add("B", $0) }
        await workbench.handle(#"{"type":"device","device":"paddle-32"}"#, page: pageA, send: sendA)
        for tab in ["A", "B"] {
            let hello = try #require(await tabs.log.first { $0.tab == tab }.map { decoded($0.text) })
            #expect(hello.type == "hello")
            let device = (hello.data["device"] as? [String: Any])?["summary"] as? [String: Any]
            #expect(device?["id"] as? String == "paddle-32", "tab \(tab)")
        }
        await workbench.closePage(pageB)
        await workbench.handle(#"{"type":"device","device":"tonic-16"}"#, page: pageA, send: sendA)
        #expect(await tabs.log.filter { $0.tab == "B" && decoded($0.text).type == "hello" }.count == 1)
        await workbench.close()
    }
}
