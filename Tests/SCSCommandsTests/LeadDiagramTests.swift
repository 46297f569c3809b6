import DeviceProfiles
import Foundation
import Report
import StimSafety
import Testing

@testable import SCSCommands

/// The lead diagram, in the terminal and as SVG, on profiles numbering from 0 and from 1 and on a paddle.
@Suite("Lead diagrams")
struct LeadDiagramTests {
    static func leads(_ id: String) throws -> [Lead] {
        let catalog = try DeviceCatalog(contentsOf: SCSProcess.root.appendingPathComponent("Devices"))
        return try catalog.profile(id: id).limits.leads
    }

    static func shares(_ pairs: [(ContactID, String)]) throws -> [ContactShare] {
        try pairs.map { ContactShare($0.0, try Percent(parsing: $0.1)) }
    }

    @Test func aProfileNumberingFromZeroShowsContactZero() throws {
        let leads = try Self.leads("percept-pc")
        let shares = try Self.shares([(.lead(0), "-100"), (.lead(1), "100")])
        let rows = AnalysisProgramsText.leadRows(leads, shares: shares)
        #expect(
            rows == [
                "ZERO_SEVEN       0-  1+  2·  3·  4·  5·  6·  7·",
                "EIGHT_FIFTEEN    8·  9· 10· 11· 12· 13· 14· 15·",
            ])
        let svg = LeadDiagram.svg(leads: leads, shares: shares, title: "Slot 1")
        #expect(svg.contains(">0 −</text>") && svg.contains(">1 +</text>") && svg.contains(">15</text>"))
        #expect(!svg.contains(">16</text>"))
        #expect(AnalyzeHTMLTests.wellFormednessProblems(svg) == [])
    }

    @Test func aProfileNumberingFromOneStartsAtOneAndDrawsTheCase() throws {
        let leads = try Self.leads("tonic-16")
        let shares = try Self.shares([(.lead(1), "-50"), (.lead(16), "-50"), (.can, "100")])
        let rows = AnalysisProgramsText.leadRows(leads, shares: shares)
        #expect(rows.first?.hasSuffix(" 1-  2·  3·  4·  5·  6·  7·  8·") == true)
        #expect(rows.last == "case+")
        let svg = LeadDiagram.svg(leads: leads, shares: shares, title: "Slot 1 <test>")
        #expect(svg.contains("<title>Slot 1 &lt;test&gt;</title>"))
        #expect(svg.contains(">1 −</text>") && svg.contains(">16 −</text>") && svg.contains(">case +</text>"))
        #expect(svg.contains(">−50 %</text>") && svg.contains(">+100 %</text>"))
        #expect(!svg.contains(">0</text>"))
    }

    @Test func aPaddleIsFourColumnsOfEightAndContactsOffItsLeadsAreListed() throws {
        let leads = try Self.leads("paddle-32")
        let shares = try Self.shares([(.lead(12), "-100"), (.lead(20), "100"), (.lead(40), "0")])
        let svg = LeadDiagram.svg(leads: leads, shares: shares, title: "paddle")
        #expect(AnalyzeHTMLTests.count("<rect", in: svg) == 4 + 32)
        #expect(AnalyzeHTMLTests.count("font-weight=\"600\">C", in: svg) == 4)
        #expect(svg.contains("viewBox=\"0 0 384 "))
        let rows = AnalysisProgramsText.leadRows(leads, shares: shares)
        #expect(rows.count == 4)
        #expect(rows[1] == "C2    9· 10· 11· 12- 13· 14· 15· 16·")
        #expect(LeadDiagram.offLeads(leads, shares: shares).map(\.contact) == [.lead(40)])
    }
}
