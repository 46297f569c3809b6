import CUMockdev
import Dispatch
import Glibc
import StimUSB
import Synchronization

/// The kernel's side of usbfs for one virtual device: answers, live, the ioctls that libusb makes on
/// the device node, and runs the device's `DeviceBehavior` on bulk OUT.
///
/// umockdev calls `handle(_:)` on its own thread; tests call `unplug()` on theirs, so all state sits
/// behind one lock. URBs complete the way the kernel completes them: bulk OUT at once, bulk IN when
/// the device has bytes for it, either with an error status on unplug; libusb then reaps them.
final class UsbfsEmulator: Sendable {
    /// How long an empty `USBDEVFS_REAPURBNDELAY` is held, while a bulk IN URB of its client waits
    /// for bytes, before it answers `EAGAIN`.
    ///
    /// umockdev's device node is a regular file, so libusb's `poll` on it never blocks and libusb
    /// would reap in a tight loop while a transfer is pending. Holding the empty reap, and answering
    /// it as soon as a URB completes, turns that loop into a wait; it costs a transfer issued from
    /// another thread of the process at most this long (umockdev passes one ioctl at a time). With
    /// nothing in flight the reap is answered at once: `StimUSB`'s event thread sleeps then.
    static let reapHold = DispatchTimeInterval.milliseconds(5)

    /// The usbfs features the emulated kernel reports: one URB per bulk transfer of any length, and
    /// reaping finished URBs after a disconnect (`USBDEVFS_CAP_NO_PACKET_SIZE_LIM`,
    /// `USBDEVFS_CAP_BULK_SCATTER_GATHER`, `USBDEVFS_CAP_REAP_AFTER_DISCONNECT`).
    static let capabilities = UInt32(
        USBDEVFS_CAP_NO_PACKET_SIZE_LIM | USBDEVFS_CAP_BULK_SCATTER_GATHER | USBDEVFS_CAP_REAP_AFTER_DISCONNECT)

    let identity: VirtualDeviceIdentity
    private let behavior: any DeviceBehavior
    private let state = Mutex(State())

    init(identity: VirtualDeviceIdentity, behavior: any DeviceBehavior) {
        self.identity = identity
        self.behavior = behavior
    }

    /// A submitted URB: its memory (written back to the client when it is reaped) and its buffer.
    struct URB: Sendable {
        var memory: IoctlMemory
        var buffer: IoctlMemory?
        var client: IoctlClient
    }

    /// A reap with nothing to reap yet, answered when a URB of its client completes or it expires.
    struct HeldReap: Sendable {
        var client: IoctlClient
        var slot: IoctlMemory
        var token: UInt64
    }

    struct State: Sendable {
        var isUnplugged = false
        /// Device-to-host transfers waiting for a bulk IN URB.
        var inbound: [[UInt8]] = []
        /// Bulk IN URBs waiting for bytes, oldest first.
        var pendingIn: [URB] = []
        /// Completed URBs per client (`IoctlClient.id`), oldest first.
        var reapable: [UInt: [URB]] = [:]
        var heldReaps: [UInt: HeldReap] = [:]
        var claims: [UInt32: IoctlClient] = [:]
        /// Claims granted since the device was plugged in.
        var claimCount = 0
        var nextToken: UInt64 = 0
    }

    /// How many times a host has claimed the interface since the device was plugged in.
    var claimCount: Int {
        state.withLock { $0.claimCount }
    }

    /// Answers the ioctl `client` is waiting in.
    func handle(_ client: IoctlClient) {
        state.withLock { state in
            state.forgetClosedClients()
            let request = client.request
            switch request {
            case .getCapabilities:
                guard let value = client.argument.resolve(offset: 0, length: 4) else {
                    return client.complete(result: -1, errno: EFAULT)
                }
                value.store(Self.capabilities, at: 0)
                client.complete()
            case .claimInterface, .releaseInterface:
                claimOrRelease(request, client: client, state: &state)
            case .setInterface, .setConfiguration, .clearHalt, .resetEndpoint, .reset:
                client.complete(result: state.isUnplugged ? -1 : 0, errno: state.isUnplugged ? ENODEV : 0)
            case .getDriver:
                client.complete(result: -1, errno: state.isUnplugged ? ENODEV : ENODATA)
            case .submitURB:
                submit(client: client, state: &state)
            case .reapURB, .reapURBNoDelay:
                reap(client: client, waits: request == .reapURB, state: &state)
            case .discardURB:
                discard(client: client, state: &state)
            default:
                client.complete(result: -1, errno: ENOTTY)
            }
        }
    }

    /// Disconnects the device: URBs in flight complete with `-ESHUTDOWN`, as the kernel's do, and
    /// every later request fails with `ENODEV` once the finished URBs have been reaped.
    func unplug() {
        state.withLock { state in
            guard !state.isUnplugged else { return }
            state.isUnplugged = true
            state.inbound = []
            let pending = state.pendingIn
            state.pendingIn = []
            for urb in pending {
                urb.memory.store(-ESHUTDOWN, at: URBLayout.status)
                urb.memory.store(Int32(0), at: URBLayout.actualLength)
                complete(urb, state: &state)
            }
            for (id, held) in state.heldReaps where state.reapable[id, default: []].isEmpty {
                state.heldReaps[id] = nil
                held.client.complete(result: -1, errno: ENODEV)
            }
        }
    }

    // MARK: Requests

    private func claimOrRelease(_ request: UsbfsRequest, client: IoctlClient, state: inout State) {
        guard !state.isUnplugged else { return client.complete(result: -1, errno: ENODEV) }
        guard let argument = client.argument.resolve(offset: 0, length: 4) else {
            return client.complete(result: -1, errno: EFAULT)
        }
        let interface = argument.load(at: 0, as: UInt32.self)
        guard interface == UInt32(0) else { return client.complete(result: -1, errno: ENOENT) }
        if request == .claimInterface {
            if let owner = state.claims[interface], owner.id != client.id, owner.isConnected {
                return client.complete(result: -1, errno: EBUSY)
            }
            state.claims[interface] = client
            state.claimCount += 1
        } else {
            guard state.claims[interface]?.id == client.id else { return client.complete(result: -1, errno: EINVAL) }
            state.claims[interface] = nil
        }
        client.complete()
    }

    private func submit(client: IoctlClient, state: inout State) {
        guard !state.isUnplugged else { return client.complete(result: -1, errno: ENODEV) }
        guard let memory = client.argument.resolve(offset: 0, length: URBLayout.size) else {
            return client.complete(result: -1, errno: EFAULT)
        }
        let type = memory.load(at: URBLayout.type, as: UInt8.self)
        let endpoint = memory.load(at: URBLayout.endpoint, as: UInt8.self)
        let length = Int(memory.load(at: URBLayout.bufferLength, as: Int32.self))
        let buffer = length > 0 ? memory.resolve(offset: URBLayout.buffer, length: length) : nil
        let urb = URB(memory: memory, buffer: buffer, client: client)
        memory.store(Int32(0), at: URBLayout.status)
        memory.store(Int32(0), at: URBLayout.actualLength)
        switch (type, endpoint) {
        case (URBLayout.controlType, 0x00), (URBLayout.controlType, 0x80):
            answerControl(urb)
            complete(urb, state: &state)
        case (URBLayout.bulkType, StimulatorInterface.bulkOut.rawValue):
            let bytes = buffer.map { Array($0.bytes) } ?? []
            memory.store(Int32(bytes.count), at: URBLayout.actualLength)
            complete(urb, state: &state)
            state.inbound += behavior.received(bytes)
            fillPendingIn(state: &state)
        case (URBLayout.bulkType, StimulatorInterface.bulkIn.rawValue):
            state.pendingIn.append(urb)
            fillPendingIn(state: &state)
        default:
            return client.complete(result: -1, errno: ENOENT)
        }
        client.complete()
    }

    private func reap(client: IoctlClient, waits: Bool, state: inout State) {
        guard let slot = client.argument.resolve(offset: 0, length: MemoryLayout<UInt>.size) else {
            return client.complete(result: -1, errno: EFAULT)
        }
        if let urb = state.reapable[client.id]?.first {
            state.reapable[client.id]?.removeFirst()
            slot.point(at: 0, to: urb.memory)
            return client.complete()
        }
        guard !state.isUnplugged else { return client.complete(result: -1, errno: ENODEV) }
        // Nothing of the client's in flight: nothing to wait for, so libusb's reaping ends at once.
        guard waits || state.pendingIn.contains(where: { $0.client.id == client.id }) else {
            return client.complete(result: -1, errno: EAGAIN)
        }
        let token = state.nextToken
        state.nextToken += 1
        state.heldReaps[client.id] = HeldReap(client: client, slot: slot, token: token)
        guard !waits else { return }
        let clientID = client.id
        DispatchQueue.global().asyncAfter(deadline: .now() + Self.reapHold) { [weak self] in
            self?.expireHeldReap(clientID: clientID, token: token)
        }
    }

    private func expireHeldReap(clientID: UInt, token: UInt64) {
        state.withLock { state in
            guard let held = state.heldReaps[clientID], held.token == token else { return }
            state.heldReaps[clientID] = nil
            held.client.complete(result: -1, errno: state.isUnplugged ? ENODEV : EAGAIN)
        }
    }

    private func discard(client: IoctlClient, state: inout State) {
        let address = client.argument.load(at: 0, as: UInt.self)
        guard
            let index = state.pendingIn.firstIndex(where: {
                $0.client.id == client.id && $0.memory.clientAddress == address
            })
        else {
            // Already completed: the kernel answers EINVAL and the URB is still reaped.
            return client.complete(result: -1, errno: EINVAL)
        }
        let urb = state.pendingIn.remove(at: index)
        urb.memory.store(-ENOENT, at: URBLayout.status)
        complete(urb, state: &state)
        client.complete()
    }

    // MARK: Completion

    /// Hands bytes the device has ready to the oldest bulk IN URBs, one transfer each.
    private func fillPendingIn(state: inout State) {
        while !state.inbound.isEmpty, !state.pendingIn.isEmpty {
            let urb = state.pendingIn.removeFirst()
            guard urb.client.isConnected else { continue }
            let capacity = urb.buffer?.bytes.count ?? 0
            let transfer = state.inbound[0]
            let count = min(capacity, transfer.count)
            if let buffer = urb.buffer, count > 0 {
                transfer.withUnsafeBytes {
                    buffer.bytes.copyMemory(from: UnsafeRawBufferPointer(rebasing: $0[..<count]))
                }
            }
            if count == transfer.count {
                state.inbound.removeFirst()
            } else {
                state.inbound[0].removeFirst(count)
            }
            urb.memory.store(Int32(count), at: URBLayout.actualLength)
            complete(urb, state: &state)
        }
    }

    /// Makes a URB reapable by its client, answering the client's held reap at once if there is one.
    private func complete(_ urb: URB, state: inout State) {
        let id = urb.client.id
        if let held = state.heldReaps[id] {
            state.heldReaps[id] = nil
            held.slot.point(at: 0, to: urb.memory)
            held.client.complete()
        } else {
            state.reapable[id, default: []].append(urb)
        }
    }
}

extension UsbfsEmulator.State {
    /// Drops the URBs and claims of clients that closed the device; a closed client is never asked
    /// again, and its memory is gone.
    mutating func forgetClosedClients() {
        pendingIn.removeAll { !$0.client.isConnected }
        reapable = reapable.filter { $0.value.first?.client.isConnected ?? false }
        claims = claims.filter { $0.value.isConnected }
    }
}
