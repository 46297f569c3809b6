import PropertyBased
import Testing

@testable import StimSafety

@Suite("Impedance measurements")
struct ImpedanceMeasurementTests {
    /// A measurement's contacts, drawn from few numbers so that repeats and the case both occur.
    static let measurements = Gen.int(in: 0...1_100).array(of: 0...12).map { numbers in
        var measured: [ContactID: Milliohms] = [:]
        for (index, number) in numbers.enumerated() {
            let contact: ContactID =
                switch number % 7 {
                case 0: .can
                case 1: .unrecognized("x\(number % 3)")
                default: .lead(number % 20 == 0 ? number : number % 20)
                }
            measured[contact] = Milliohms(rawValue: Int64(number * 1_000 + index))
        }
        return measured
    }

    @Test("a measurement holds a dictionary's contacts once each, in contact order, with their values")
    func readsLikeTheDictionary() async {
        await propertyCheck(count: 500, input: Self.measurements) { measured in
            let measurement = ImpedanceMeasurement(measured)
            #expect(measurement.map(\.contact) == measured.keys.sorted())
            for (contact, ohms) in measured { #expect(measurement[contact] == ohms) }
            let leads = measured.keys.compactMap { contact -> Int? in
                guard case .lead(let number) = contact else { return nil }
                return number
            }
            #expect(measurement.leads.map(\.number) == leads.sorted())
            #expect(measurement.can == measured[.can])
            #expect(measurement[.lead(21)] == nil)
            let lookup = MeasuredImpedances(measurement)
            for number in 0...1_100 {
                let expected = number <= MeasuredImpedances.highestContactNumber ? measured[.lead(number)] : nil
                #expect(lookup.ohms(ofContact: number) == expected)
            }
            #expect(lookup.can == measured[.can])
        }
    }

    @Test("appending in contact order builds the same measurement; any other contact is refused and changes nothing")
    func appendingKeepsTheOrder() async {
        await propertyCheck(count: 500, input: Self.measurements) { measured in
            let sorted = measured.sorted { $0.key < $1.key }
            var built = ImpedanceMeasurement()
            for (contact, ohms) in sorted {
                let appended = built.append(contact, ohms)
                #expect(appended)
            }
            #expect(built == ImpedanceMeasurement(measured))
            guard let last = sorted.last else { return }
            for (contact, _) in sorted {
                let appended = built.append(contact, Milliohms(rawValue: 1))
                #expect(!appended, "\(contact) again after \(last.key)")
            }
            #expect(built == ImpedanceMeasurement(measured))
        }
    }

    @Test("a literal is a measurement in contact order")
    func literals() {
        let measurement: ImpedanceMeasurement = [
            .can: Milliohms(units: 95), .lead(16): Milliohms(units: 900), .lead(2): .zero,
        ]
        #expect(measurement.map(\.contact) == [.lead(2), .lead(16), .can])
        #expect(measurement[.lead(16)] == Milliohms(units: 900))
        #expect(ImpedanceMeasurement().isEmpty)
        #expect(([:] as ImpedanceMeasurement) == ImpedanceMeasurement())
    }
}
