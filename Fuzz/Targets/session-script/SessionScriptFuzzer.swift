import DeviceProfiles
import Foundation
import FuzzSupport
import SCSCommands
import StimSafety

/// The `scs session` script parser, on any text: every line parsed (quoting, comments, the program
/// flags of `write` and `check` through the argument parser) before any runs.
@main
enum SessionScriptFuzzer {
    static func main() {
        FuzzDriver.main(FuzzTarget(name: "session-script", seeds: seeds, test: test))
    }

    static let limits = FuzzDriver.prepare("the tonic-16 profile") {
        try DeviceCatalog.bundled().profile(id: "tonic-16").limits
    }

    @Sendable static func test(_ input: [UInt8]) {
        let lines = String(decoding: input, as: UTF8.self).components(separatedBy: "\n")
        _ = try? SessionScript(lines: lines, source: "script.scs", limits: limits)
    }

    /// Scripts that use every command, the program flags and the quoting rules.
    @Sendable static func seeds() throws -> [Seed] {
        let scripts = [
            "clinician-session": """
            # a clinician's check, write and adjustments
            check 2 --amplitude 4 --pulse-width 250 --frequency 60 --contacts 3-,4+ --recovery passive
            write 2 --amplitude 4 --pulse-width 250 --frequency 60 --contacts 3-,4+ --patient-range 3-5 --interphase-gap 20
            activate 2
            on
            adjust 4.5
            impedance
            off
            history
            """,
            "every-command": """
            status
            battery
            log "session log.scsrec.jsonl"
            write 2 --amplitude 10 --pulse-width 500 --frequency 50 --contacts 1-,2+ --acknowledge charge.density
            write 3 --amplitude 2.5 --pulse-width 90 --period 25000 --contacts "1-50,2-50,case+" --waveform tonic
            help
            quit
            """,
            "burst": """
            write 4 --amplitude 1.2 --pulse-width 1000 --frequency 40 --waveform burst --contacts 5-,6+ # burst
            check 4 --amplitude 1.2 --pulse-width 1000 --frequency 40 --contacts '5-, 6+' --cycling 60/60
            exit
            """,
        ]
        return scripts.map { Seed(name: $0.key, bytes: Array($0.value.utf8)) }
    }
}
