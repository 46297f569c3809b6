import Foundation
import StimUSB
import Testing
import USBTestbed

extension VirtualBusTests {
    @Suite("Bulk transfers")
    struct BulkTransferTests {
        @Test("bulk IN returns what bulk OUT sent", arguments: [1, 20, 64, 100, 4096])
        func roundTrip(length: Int) async throws {
            try await VirtualBus.withDevice(.tonic("BULK-\(length)"), behavior: EchoBehavior()) { _ in
                let handle = try VirtualBus.open(.tonic, serialNumber: "BULK-\(length)")
                let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 * 7) }
                let written = try await handle.write(bytes, to: StimulatorInterface.bulkOut, timeout: .seconds(1))
                #expect(written == length)
                let read = try await handle.read(
                    from: StimulatorInterface.bulkIn, maxLength: StimulatorInterface.readLength, timeout: .seconds(1))
                #expect(read == bytes)
            }
        }

        @Test("a read times out when the device has nothing to say, and the handle works afterwards")
        func timeoutAndRecovery() async throws {
            try await VirtualBus.withDevice(.tonic("BULK-TIMEOUT"), behavior: EchoBehavior()) { _ in
                let handle = try VirtualBus.open(.tonic, serialNumber: "BULK-TIMEOUT")
                let clock = ContinuousClock()
                let start = clock.now
                await #expect(throws: USBError.timeout) {
                    try await handle.read(
                        from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .milliseconds(200))
                }
                let elapsed = clock.now - start
                #expect(elapsed >= .milliseconds(200) && elapsed < .seconds(2))
                try await handle.write([1, 2, 3], to: StimulatorInterface.bulkOut, timeout: .seconds(1))
                let read = try await handle.read(
                    from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .seconds(1))
                #expect(read == [1, 2, 3])
            }
        }

        @Test("a pending read waits without spinning: it costs little processor time")
        func noBusyLoop() async throws {
            try await VirtualBus.withDevice(.tonic("BULK-IDLE"), behavior: SilentBehavior()) { _ in
                let handle = try VirtualBus.open(.tonic, serialNumber: "BULK-IDLE")
                let before = processorTime()
                await #expect(throws: USBError.timeout) {
                    try await handle.read(from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .seconds(1))
                }
                // The whole process (libusb's event thread and umockdev's handler thread included).
                let spent = processorTime() - before
                #expect(spent < .milliseconds(250))
            }
        }

        @Test("a device that never answers times the read out")
        func silentDevice() async throws {
            try await VirtualBus.withDevice(.tonic("BULK-SILENT"), behavior: SilentBehavior()) { _ in
                let handle = try VirtualBus.open(.tonic, serialNumber: "BULK-SILENT")
                try await handle.write([1, 2, 3], to: StimulatorInterface.bulkOut, timeout: .seconds(1))
                await #expect(throws: USBError.timeout) {
                    try await handle.read(
                        from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .milliseconds(100))
                }
            }
        }

        @Test("cancelling the task ends a pending read at once with USBError.interrupted")
        func cancelledRead() async throws {
            try await VirtualBus.withDevice(.tonic("BULK-CANCEL"), behavior: SilentBehavior()) { _ in
                let handle = try VirtualBus.open(.tonic, serialNumber: "BULK-CANCEL")
                let clock = ContinuousClock()
                let start = clock.now
                let read = Task {
                    try await handle.read(from: StimulatorInterface.bulkIn, maxLength: 4096, timeout: .seconds(10))
                }
                try await Task.sleep(for: .milliseconds(50))
                read.cancel()
                await #expect(throws: USBError.interrupted) { try await read.value }
                #expect(clock.now - start < .seconds(2))
            }
        }
    }
}

/// The processor time this process has used, user and system.
private func processorTime() -> Duration {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    let microseconds =
        (Int64(usage.ru_utime.tv_sec) + Int64(usage.ru_stime.tv_sec)) * 1_000_000
        + Int64(usage.ru_utime.tv_usec) + Int64(usage.ru_stime.tv_usec)
    return .microseconds(microseconds)
}
