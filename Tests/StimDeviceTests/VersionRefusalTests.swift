import StimDevice
import StimProtocol
import StimSafety
import Testing

@Suite("Hosts of another protocol version")
struct VersionRefusalTests {
    /// A version-1 frame built by hand, the way a version-1 host sends it: 16 header bytes, the payload,
    /// the CRC.
    static func versionOne(type: UInt8, flags: UInt8 = 0, sequence: UInt32, payload: [UInt8] = []) -> [UInt8] {
        var bytes: [UInt8] = [0xC5, 0x5C, 0x01, type, flags, 0x00]
        withUnsafeBytes(of: sequence.littleEndian) { bytes += $0 }
        bytes += [0, 0, 0, 0, UInt8(payload.count), 0] + payload
        withUnsafeBytes(of: CRC32.checksum(bytes).littleEndian) { bytes += $0 }
        return bytes
    }

    /// A string as both versions encode it: a length byte, then UTF-8.
    static func string(_ text: String) -> [UInt8] { [UInt8(text.utf8.count)] + Array(text.utf8) }

    @Test(
        "a version-1 identify gets a version-1 identify reply whose version is 2, which a version-1 host refuses by name"
    )
    func versionOneIdentify() throws {
        let test = try TestDevice()
        let before = DeviceStateDump.of(test.device)
        // The identify request of version 1's golden frames.
        let request = Self.versionOne(type: 0x01, sequence: 1)
        #expect(request == [0xC5, 0x5C, 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x56, 0x93, 0x56, 0x80])
        let identity = test.device.identity
        let payload =
            [2] + Self.string(identity.profileID) + Self.string(identity.model) + Self.string(identity.serial)
            + Self.string(identity.firmware)
        let expected = Self.versionOne(type: 0x01, flags: 0x01, sequence: 1, payload: payload)
        #expect(test.device.handle(frameBytes: request) == expected)
        #expect(DeviceStateDump.of(test.device) == before)
    }

    @Test("every other version-1 request gets a version-1 error reply, unsupportedVersion, and changes nothing")
    func versionOneRequests() throws {
        let test = try TestDevice()
        let before = DeviceStateDump.of(test.device)
        let requests: [(type: UInt8, payload: [UInt8])] = [
            (0x02, [0x01]), (0x03, Array(repeating: 7, count: 48)), (0x13, [0x01]), (0x10, []), (0x7F, [1, 2, 3]),
        ]
        for (type, payload) in requests {
            let answer = test.device.handle(frameBytes: Self.versionOne(type: type, sequence: 9, payload: payload))
            #expect(
                answer == Self.versionOne(type: type, flags: 0x03, sequence: 9, payload: [17, 0, 0]), "type \(type)")
        }
        #expect(DeviceStateDump.of(test.device) == before)
        #expect(ErrorCode(rawValue: 17) == .unsupportedVersion)
    }

    @Test("identify lists the versions the device speaks")
    func identifyListsVersions() throws {
        let test = try TestDevice()
        let raw = RawSession(device: test.device)
        guard case .reply(.identify(let identity)) = try raw.send(.identify, sequence: 1, session: .none) else {
            Issue.record("identify was refused")
            return
        }
        #expect(identity.protocolVersions == [Frame.protocolVersion])
        #expect(Frame.protocolVersion == 2)
    }

    @Test("the host refuses a device that does not speak its version, naming the device's versions")
    func hostRefusesOtherVersions() async throws {
        let test = try TestDevice()
        let device = ScriptedDevice { frame in
            var identity = test.device.identity
            identity.protocolVersions = [3, 4]
            return try? Frame(reply: .identify(identity), sequence: frame.header.sequence, session: .none).encoded()
        }
        await #expect(throws: ProgrammerError.protocolMismatch(deviceVersions: [3, 4])) {
            _ = try await Programmer.connect(
                over: device, role: .clinician, key: test.key(.clinician), limits: test.limits)
        }
    }
}
