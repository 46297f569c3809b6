import DeviceProfiles
import RecordingFormat
import Replay
import Report
import SCSCommands
import StimDevice
import StimProtocol
import StimSafety
import TherapyLog

/// The programmer behind the page: one session on the stimulator, and the answers to the page's
/// messages. Every check and every change goes through the session's `Programmer`, which validates
/// with the safety core before it sends (and the device validates again); the page only shows.
///
/// Every open page (browser tab) shares the one session: a request that reaches the device waits for
/// the one before it, whichever tab sent it, so that a replay, a device switch or a role change never
/// interleaves with another tab's write; what a request changes (the state, the device) is sent to
/// every page. Checks do not wait: they never reach the device.
actor Workbench {
    private var options: TargetOptions
    private let overUSB: Bool
    private let profiles: [DeviceProfile]
    private var link: TargetLink
    private var session: SessionTarget.Session
    /// The impedances measured in this session, drawn on the lead diagram.
    private var impedances: ImpedanceMeasurement?
    /// The last envelope, by its configuration (the program with amplitude, pulse width and rate
    /// cleared), and its version: recomputed only when the contacts or the waveform change, and sent
    /// only to a page that does not hold that version.
    private var envelope: (key: StimProgram, version: Int, view: EnvelopeView)?
    private var envelopeVersion = 0
    /// The open pages, by the number ``openPage(_:)`` gave them, each with how to send it a message.
    private var pages: [Int: @Sendable (String) async -> Void] = [:]
    private var pageCount = 0
    /// The last request that reaches the device, which the next one waits for.
    private var lastRequest: Task<Void, Never>?

    /// Connects to the stimulator `options` name (an in-process simulator by default).
    init(options: TargetOptions, overUSB: Bool, defaultDevice: String) async throws(InputError) {
        self.options = options
        self.overUSB = overUSB
        profiles = try options.catalog.loadProfiles()
        if options.socket == nil, !overUSB, self.options.device == nil { self.options.device = defaultDevice }
        link = try TargetLink(try self.options.resolve(overUSB: overUSB))
        session = try await link.session(as: .clinician)
    }

    /// Ends the session and the connection.
    func close() async {
        await session.programmer.close()
        await link.close()
    }

    private var profile: DeviceProfile { session.profile }
    private var programmer: Programmer { session.programmer }

    /// The first message of a connection: the device, the others the page may pick, and the state.
    func hello() async -> String {
        let state: DeviceState
        if let read = try? await programmer.readState() { state = read } else { state = await programmer.lastState }
        return PageMessage.text(
            "hello",
            Hello(
                device: DeviceDescription(profile),
                devices: link.target.localSimulator == nil ? [profile.id] : profiles.map(\.id),
                state: stateView(state)))
    }

    /// Registers a page that `send` reaches; returns its number for ``handle(_:page:send:)`` and
    /// ``closePage(_:)``.
    func openPage(_ send: @escaping @Sendable (String) async -> Void) -> Int {
        pageCount += 1
        pages[pageCount] = send
        return pageCount
    }

    /// Forgets a closed page.
    func closePage(_ page: Int) { pages[page] = nil }

    /// Answers the message `text` of `page` with `send`: a malformed or out-of-range message gets an
    /// error (400) and changes nothing; a refusal by the host's check or the device says why (409).
    func handle(_ text: String, page: Int? = nil, send: @escaping @Sendable (String) async -> Void) async {
        let parsed: (request: UIRequest, id: Int?)
        do {
            parsed = try UIRequest.parse(text, profile: profile)
        } catch {
            await send(PageMessage.text("error", Notice(status: 400, message: error.description)))
            return
        }
        if case .check(let program, let slot, let acknowledged, let known) = parsed.request {
            let verdict = await verdict(program, slot: slot ?? 1, acknowledged: acknowledged, knownEnvelope: known)
            await send(PageMessage.text("verdict", id: parsed.id, verdict))
            return
        }
        let previous = lastRequest
        let request = Task {
            await previous?.value
            await perform(parsed.request, id: parsed.id, page: page, send: send)
        }
        lastRequest = request
        await request.value
    }

    /// Sends `message` to `send` and to every other open page.
    private func broadcast(_ message: String, page: Int?, send: @Sendable (String) async -> Void) async {
        await send(message)
        for (other, sendOther) in pages where other != page { await sendOther(message) }
    }

    /// Carries out a request that reaches the device, once the one before it has finished.
    private func perform(
        _ request: UIRequest, id: Int?, page: Int?, send: @Sendable (String) async -> Void
    ) async {
        do throws(ProgrammerError) {
            switch request {
            case .check: return
            case .write(let program, let slot, let acknowledged):
                try await programmer.write(program, to: slot, acknowledging: acknowledged)
                await send(done(id, "slot \(slot) written and read back"))
            case .activate(let slot):
                try await programmer.activate(slot: slot)
                await send(done(id, "slot \(slot) is the running program"))
            case .therapy(let on):
                try await programmer.setTherapy(on: on)
                await send(done(id, "therapy \(on ? "on" : "off")"))
            case .adjust(let amplitude):
                let target = try await programmer.setAmplitude(amplitude)
                await send(done(id, "amplitude set to \(target); an increase ramps"))
            case .measureImpedance:
                impedances = try await programmer.measureImpedance()
                envelope = nil
                await send(done(id, "impedances measured: \(impedances?.count ?? 0) contacts"))
            case .readState:
                _ = try await programmer.readState()
            case .selectDevice(let device):
                if let problem = await select(device) {
                    await send(PageMessage.text("error", Notice(status: 400, message: problem)))
                } else {
                    await broadcast(await hello(), page: page, send: send)
                }
                return
            case .role(let patient):
                if let problem = await reopen(as: patient ? .patient : .clinician) {
                    await send(PageMessage.text("refused", id: id, Notice(status: 409, message: problem)))
                }
            case .replay(let path):
                await Self.replay(path, over: LentLink(link: link), id: id, send: send)
            }
        } catch {
            await send(PageMessage.text("refused", id: id, Notice(status: 409, message: SessionText.failure(error))))
        }
        let state = PageMessage.text("state", stateView(await programmer.lastState))
        if case .readState = request { await send(state) } else { await broadcast(state, page: page, send: send) }
    }

    private func done(_ id: Int?, _ message: String) -> String {
        PageMessage.text("done", id: id, Notice(status: 200, message: message))
    }

    private func stateView(_ state: DeviceState) -> StateView {
        StateView(
            state, identity: programmer.identity, target: link.target.name, role: programmer.role,
            impedances: impedances)
    }

    /// The host's validation of `program`, the envelope of its contacts (unless the page holds version
    /// `knownEnvelope` of it) and the lead diagram.
    func verdict(
        _ program: StimProgram, slot: Slot, acknowledged: RuleSet, knownEnvelope: Int? = nil
    ) async -> VerdictView {
        let validation = await programmer.check(program, slot: slot, acknowledging: acknowledged)
        var key = program
        key.amplitude = Nanoamps(rawValue: 0)
        key.pulseWidth = Nanoseconds(rawValue: 0)
        key.rate = .frequency(Millihertz(rawValue: 0))
        key.patientRange = nil
        let current: (key: StimProgram, version: Int, view: EnvelopeView)
        if let cached = envelope, cached.key == key {
            current = cached
        } else {
            envelopeVersion += 1
            current = (
                key, envelopeVersion,
                EnvelopeView(program, profile: profile, impedances: impedances.map(MeasuredImpedances.init))
            )
            envelope = current
        }
        // The diagram shows what the envelope rests on (the contacts and the impedances): it changes with it.
        let isNew = knownEnvelope != current.version
        var notes: [ContactID: String] = [:]
        for entry in impedances ?? ImpedanceMeasurement() { notes[entry.contact] = "\(entry.ohms)" }
        let diagram =
            isNew
            ? LeadDiagram.svg(
                leads: profile.limits.leads, geometry: profile.geometry, shares: program.contacts,
                title: "Contacts of the program on \(profile.id)", notes: notes, interactive: true,
                showsCase: profile.limits.caseElectrode) : nil
        return VerdictView(
            report: ValidationReport(
                device: profile.id, validation: validation, acknowledged: acknowledged,
                assumedFields: profile.assumedFields),
            envelopeVersion: current.version, envelope: isNew ? current.view : nil, diagram: diagram,
            summary: ProgramText.summary(program))
    }

    /// Replays the recording at `path` into the stimulator `link` reaches (at full speed), sending the
    /// progress as it goes and then the replay's report: what was driven and every divergence. Static,
    /// so that it runs off the actor: another tab's checks go on meanwhile.
    private static func replay(
        _ path: String, over link: LentLink, id: Int?, send: @Sendable (String) async -> Void
    ) async {
        let events: [RecordedEvent]
        let report: ReplayReport
        do {
            let (header, read, skipped) = try ReplayCommand.read(path)
            events = read
            report = ReplayReport(file: path, device: header.device, target: link.name, skippedLines: skipped)
        } catch {
            await send(PageMessage.text("error", Notice(status: 400, message: error.description)))
            return
        }
        let total = events.count
        let (done, progress) = AsyncStream.makeStream(of: Int.self, bufferingPolicy: .bufferingNewest(1))
        async let forwarded: Void = {
            for await count in done {
                await send(PageMessage.text("progress", id: id, Progress(done: count, total: total)))
            }
        }()
        var replay = RecordingReplay(events: events, connection: link, speed: .max, report: report)
        do {
            let finished = try await replay.run { progress.yield($0) }
            progress.finish()
            await forwarded
            await send(PageMessage.text("replayed", id: id, finished))
        } catch {
            progress.finish()
            await forwarded
            let message = "the replay stopped at \(error.location): \(error.message)"
            await send(PageMessage.text("refused", id: id, Notice(status: 409, message: message)))
        }
    }

    /// Switches the in-process simulator to the profile `id`; nil when done, else why not.
    private func select(_ id: String) async -> String? {
        guard link.target.localSimulator != nil else {
            return
                "the device is \(link.target.name), whose profile is \(profile.id): only the in-process simulator can change"
        }
        guard profiles.contains(where: { $0.id == id }) else { return "'\(id)' is not a device profile" }
        var next = options
        next.device = id
        do {
            let nextLink = try TargetLink(try next.resolve())
            let nextSession = try await nextLink.session(as: programmer.role)
            await close()
            (options, link, session, impedances, envelope) = (next, nextLink, nextSession, nil, nil)
        } catch {
            return error.description
        }
        return nil
    }

    /// Reopens the session in `role`; nil when done, else why not.
    private func reopen(as role: Role) async -> String? {
        guard role != programmer.role else { return nil }
        do {
            let next = try await link.session(as: role)
            await programmer.close()
            session = next
        } catch {
            return error.description
        }
        return nil
    }
}
