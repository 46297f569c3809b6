import DeviceProfiles
import Foundation
import StimSafety
import Testing

@Suite("Defaults and exact parsing")
struct ProfileDefaultsTests {
    @Test("A profile that gives only the required fields takes the defaults of safety-rules.md")
    func silentProfileTakesDefaults() throws {
        let url = try TestPaths.fixture("minimal").appendingPathComponent("minimal.yaml")
        let profile = try DeviceProfile(contentsOf: url, displayPath: "minimal.yaml")
        let limits = profile.limits
        #expect(profile.name == "minimal-device")
        #expect(profile.programs == 1)
        #expect(profile.usb == nil)
        #expect(profile.sourcePath == "minimal.yaml")
        #expect(limits.chargeDensity.warn == ChargeDensity(units: 30))
        #expect(limits.chargeDensity.reject == nil)
        #expect(limits.shannon.warn == 1.5 && limits.shannon.reject == 1.85)
        #expect(limits.impedance.short == Milliohms(units: 250))
        #expect(limits.impedance.open == Milliohms(units: 4000))
        #expect(limits.headroom == Millivolts(units: 1))
        #expect(limits.fractionStep == Percent(units: 1))
        #expect(limits.passiveRecoveryMin == nil)
        #expect(limits.amplitudeSlewMax == nil)
        #expect(!limits.caseElectrode)
        #expect(limits.maxActiveContacts == 4)
        let battery = limits.battery
        #expect(battery.efficiency == 0.8 && battery.minimumStimVoltage == 2.5 && battery.cellVoltage == 3.6)
        #expect(battery.quiescentCurrent == 10 && battery.usableFraction == 0.8)
        #expect(battery.minimumLongevityYears == nil)
    }

    @Test("An explicit null Shannon reject means no rejection limit, unlike an absent one")
    func explicitNullRejectDisablesIt() throws {
        let yaml = minimalProfile + "limits: {shannonK: {warn: 1.5, reject: null}}\n"
        let profile = try DeviceProfile(yaml: yaml, path: "x.yaml")
        #expect(profile.limits.shannon.reject == nil)
    }

    @Test("Decimal limits are read exactly, never through a binary double")
    func limitsAreExact() throws {
        let yaml = minimalProfile.replacingOccurrences(
            of: "currentPerContactMax: 12.7", with: "currentPerContactMax: 0.3"
        )
        .replacingOccurrences(of: "{min: 0, max: 10, step: 0.1}", with: "{min: 0.1, max: 0.7, step: 0.2}")
        let limits = try DeviceProfile(yaml: yaml, path: "x.yaml").limits
        #expect(limits.currentPerContactMax == Nanoamps(rawValue: 300_000))
        #expect(limits.amplitude.allows(Nanoamps(rawValue: 700_000)))
        #expect(!limits.amplitude.allows(Nanoamps(rawValue: 699_999)))
    }

    @Test("USB ids are read in hexadecimal or decimal")
    func usbIdsReadHex() throws {
        let yaml = minimalProfile + "usb: {vendorId: 0x1209, productId: 23632}\n"
        let profile = try DeviceProfile(yaml: yaml, path: "x.yaml")
        #expect(profile.usb == USBIdentity(vendorId: 0x1209, productId: 0x5C50))
        #expect(profile.usb?.description == "1209:5c50")
    }

    @Test("passiveRecoveryMin null means three pulse widths, a number sets it")
    func passiveRecoveryMin() throws {
        let nullYAML = minimalProfile + "passiveRecoveryMin: null\n"
        #expect(try DeviceProfile(yaml: nullYAML, path: "x.yaml").limits.passiveRecoveryMin == nil)
        let setYAML = minimalProfile + "passiveRecoveryMin: 500\n"
        #expect(try DeviceProfile(yaml: setYAML, path: "x.yaml").limits.passiveRecoveryMin == Nanoseconds(units: 500))
    }

    @Test("A file that cannot be read is an error naming it")
    func unreadableFile() throws {
        let missing = URL(fileURLWithPath: "/nonexistent/nowhere.yaml")
        let error = try #require(throws: InputError.self) { try DeviceProfile(contentsOf: missing) }
        #expect(error.file == "/nonexistent/nowhere.yaml")
        #expect(error.message == "no such file")
    }

    @Test("Program slots from 1 to 255 load, the most one byte numbers", arguments: [1, 2, 254, 255])
    func programSlotsWithinOneByteLoad(programs: Int) throws {
        let profile = try DeviceProfile(yaml: minimalProfile + "programs: \(programs)\n", path: "x.yaml")
        #expect(profile.programs == programs)
        #expect(DeviceProfile.maximumPrograms == Int(UInt8.max))
    }
}
