import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("The impedance model")
struct ImpedanceTests {
    @Test("every contact lies within the spread around nominal, in whole ohms, reproducibly from the seed")
    func seededVariation() throws {
        let first = try TestDevice()
        let second = try TestDevice()
        let other = try TestDevice { $0.impedanceSeed = 99 }
        let nominal = first.limits.impedance.nominal.rawValue
        let contacts = first.limits.leads.flatMap(\.contacts).map(ContactID.lead) + [.can]
        var differs = false
        for contact in contacts {
            let value = try #require(first.device.impedance(of: contact))
            #expect(value == second.device.impedance(of: contact))
            differs = differs || value != other.device.impedance(of: contact)
            #expect(value.rawValue % 1000 == 0)
            if contact != .can {
                #expect(Double(value.rawValue) >= Double(nominal) * 0.8 - 500)
                #expect(Double(value.rawValue) <= Double(nominal) * 1.2 + 500)
            }
        }
        #expect(differs)
        #expect(first.device.impedance(of: .lead(99)) == nil)
    }

    @Test("injected faults show in the next measurement, which is logged with the case")
    func faults() async throws {
        let test = try TestDevice()
        try test.device.setImpedanceFault(.open, on: .lead(3))
        try test.device.setImpedanceFault(.short, on: .lead(4))
        #expect(throws: SimulatorError.noSuchContact(.lead(40))) {
            try test.device.setImpedanceFault(.open, on: .lead(40))
        }
        let programmer = try await test.connect()
        let measurement = try await programmer.measureImpedance()
        #expect(measurement.count == 17)
        #expect(measurement.last?.contact == .can)
        #expect(measurement[.lead(3)] == Milliohms(units: 20_000))
        #expect(measurement[.lead(4)] == Milliohms(units: 100))
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        #expect(log.contains(#""ohms":{"1":"#))
        #expect(log.contains(#""3":20000,"4":100,"#))
        #expect(log.contains(#""type":"fault","code":"lead-open","detail":"contact 3""#))
        #expect(log.contains(#""type":"fault","code":"lead-short","detail":"contact 4""#))
        try test.device.setImpedanceFault(nil, on: .lead(3))
        #expect(
            try await programmer.measureImpedance()[.lead(3)]
                != Milliohms(units: 20_000))
    }

    @Test("a fault found on a running contact stops stimulation")
    func faultStopsTherapy() throws {
        let test = try TestDevice()
        var raw = try RampTests.start(test, try tonic("3"))
        try test.device.setImpedanceFault(.short, on: .lead(2))
        _ = try raw.send(.measureImpedance)
        #expect(!test.device.state().isTherapyOn)
        #expect(try raw.send(.setTherapy(true)).rules.contains(.impedance))
        let log = String(decoding: test.device.exportRecording(), as: UTF8.self)
        #expect(log.contains(#""type":"therapy","on":false,"by":"device""#))
    }
}
