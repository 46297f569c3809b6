import DeviceProfiles
import Foundation
import Report
import StimSafety
import Testing

@testable import SCSCommands

/// The lead diagram, in the terminal and as SVG, on profiles numbering from 0 and from 1 and on a paddle.
@Suite("Lead diagrams")
struct LeadDiagramTests {
    static func profile(_ id: String) throws -> DeviceProfile {
        let catalog = try DeviceCatalog(contentsOf: SCSProcess.root.appendingPathComponent("Devices"))
        return try catalog.profile(id: id)
    }

    static func leads(_ id: String) throws -> [Lead] { try profile(id).limits.leads }

    /// The contacts' rectangles (`rx="3"`), in drawing order: x, y, width, height.
    static func contactBoxes(_ svg: String) -> [[Double]] {
        let pattern = /<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)" rx="3"/
        return svg.matches(of: pattern).map { match in
            [match.1, match.2, match.3, match.4].compactMap { Double($0) }
        }
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
        let profile = try Self.profile("paddle-32")
        let leads = profile.limits.leads
        let shares = try Self.shares([(.lead(12), "-100"), (.lead(20), "100"), (.lead(40), "0")])
        let schematic = LeadDiagram.svg(leads: leads, shares: shares, title: "paddle")
        #expect(AnalyzeHTMLTests.count("<rect", in: schematic) == 4 + 32)
        #expect(schematic.contains("viewBox=\"0 0 384 "))
        let svg = LeadDiagram.svg(leads: leads, geometry: profile.geometry, shares: shares, title: "paddle")
        // One outline, 32 pads and the scale bar; the shares listed beside the paddle.
        #expect(AnalyzeHTMLTests.count("<rect", in: svg) == 1 + 32 + 1)
        #expect(svg.contains(">12 −: −100 %</text>") && svg.contains(">20 +: +100 %</text>"))
        #expect(AnalyzeHTMLTests.count("font-weight=\"600\">C", in: svg) == 4)
        #expect(AnalyzeHTMLTests.wellFormednessProblems(svg) == [])
        let rows = AnalysisProgramsText.leadRows(leads, shares: shares)
        #expect(rows.count == 4)
        #expect(rows[1] == "C2    9· 10· 11· 12- 13· 14· 15· 16·")
        #expect(LeadDiagram.offLeads(leads, shares: shares).map(\.contact) == [.lead(40)])
    }

    @Test("Drawn to scale, a ring's length, diameter and gap keep the profile's proportions, 3 : 1.3 : 4")
    func percutaneousLeadsAreDrawnToScale() throws {
        let profile = try Self.profile("tonic-16")
        let geometry = try #require(profile.geometry)
        let svg = LeadDiagram.svg(
            leads: profile.limits.leads, geometry: geometry, shares: try Self.shares([(.lead(2), "-100")]), title: "t")
        let boxes = Self.contactBoxes(svg)
        #expect(boxes.count == 16)
        let scale = boxes[0][3] / geometry.contactLength
        for box in boxes {
            #expect(abs(box[2] - geometry.contactWidth * scale) <= 0.1)
            #expect(abs(box[3] - geometry.contactLength * scale) <= 0.1)
        }
        // Along lead A, contact to contact: one contact length plus one gap, edge to edge.
        let gap = boxes[1][1] - boxes[0][1] - boxes[0][3]
        #expect(abs(gap - geometry.spacing * scale) <= 0.1)
        #expect(svg.contains(">10 mm</text>"))
        #expect(svg.contains(">2 −</text>") && svg.contains(">−100 %</text>") && svg.contains(">16</text>"))
    }

    @Test("Drawn to scale, a paddle's pads are 3 × 2 mm with 1 mm between rows and between columns")
    func aPaddleIsDrawnToScale() throws {
        let profile = try Self.profile("paddle-32")
        let geometry = try #require(profile.geometry)
        let boxes = Self.contactBoxes(
            LeadDiagram.svg(leads: profile.limits.leads, geometry: geometry, shares: [], title: "p"))
        #expect(boxes.count == 32)
        let scale = boxes[0][2] / geometry.contactWidth
        #expect(abs(boxes[0][3] - geometry.contactLength * scale) <= 0.1)
        // Contact 9 heads the second column, beside contact 1; contact 2 is below 1.
        #expect(abs(boxes[8][0] - boxes[0][0] - (geometry.contactWidth + geometry.columnSpacing) * scale) <= 0.1)
        #expect(abs(boxes[8][1] - boxes[0][1]) <= 0.1)
        #expect(abs(boxes[1][1] - boxes[0][1] - (geometry.contactLength + geometry.spacing) * scale) <= 0.1)
    }

    @Test("Without geometry every contact is drawn the same size, with no scale bar")
    func withoutGeometryTheDiagramIsASchematic() throws {
        let profile = try Self.profile("drg-4x4")
        #expect(profile.geometry == nil)
        let svg = LeadDiagram.svg(leads: profile.limits.leads, geometry: profile.geometry, shares: [], title: "d")
        #expect(Self.contactBoxes(svg).allSatisfy { $0[2] == 40 && $0[3] == 20 })
        #expect(Self.contactBoxes(svg).count == 16)
        #expect(!svg.contains("mm</text>"))
    }
}
