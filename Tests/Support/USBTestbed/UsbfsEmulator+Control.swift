import Glibc

extension UsbfsEmulator {
    /// `bRequest` GET_DESCRIPTOR of the USB 2.0 specification, §9.4.
    private static let getDescriptor: UInt8 = 6

    /// Answers a control transfer on endpoint 0: standard GET_DESCRIPTOR for the device, the
    /// configuration and the strings; every other request stalls (`-EPIPE`), as a device that does
    /// not know it does.
    ///
    /// The buffer holds the 8-byte setup packet followed by the data stage.
    func answerControl(_ urb: URB) {
        guard let buffer = urb.buffer, buffer.bytes.count >= 8 else {
            return urb.memory.store(-EPIPE, at: URBLayout.status)
        }
        let setup = Array(buffer.bytes[..<8])
        let value = UInt16(setup[2]) | UInt16(setup[3]) << 8
        let length = Int(UInt16(setup[6]) | UInt16(setup[7]) << 8)
        guard setup[0] == 0x80, setup[1] == Self.getDescriptor, let reply = descriptor(value) else {
            return urb.memory.store(-EPIPE, at: URBLayout.status)
        }
        let count = min(reply.count, length, buffer.bytes.count - 8)
        for index in 0..<count {
            buffer.bytes[8 + index] = reply[index]
        }
        urb.memory.store(Int32(count), at: URBLayout.actualLength)
    }

    /// The descriptor that GET_DESCRIPTOR's `wValue` (type in the high byte, index in the low) names.
    private func descriptor(_ value: UInt16) -> [UInt8]? {
        let all = identity.descriptors
        switch (value >> 8, UInt8(truncatingIfNeeded: value)) {
        case (1, 0): return Array(all[..<18])
        case (2, 0): return Array(all[18...])
        case (3, let index): return identity.stringDescriptor(index: index)
        default: return nil
        }
    }
}
