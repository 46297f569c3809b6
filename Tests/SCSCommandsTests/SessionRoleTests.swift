import Foundation
import Testing

@Suite("scs session --role patient")
struct SessionRoleTests {
    @Test("a patient's session does what a remote may and explains every refusal, sending nothing refused")
    func patientSession() throws {
        let server = try ServedSimulator(device: "tonic-16")
        defer { _ = server.stop() }
        let clinician = try SCSProcess.run(
            ["session", "--socket", server.socket],
            input: "write 1 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+ --patient-range 2-4\n"
                + "activate 1\non\n")
        #expect(clinician.status == 0, "\(clinician.stdout)\(clinician.stderr)")
        let patient = try SCSProcess.run(
            ["session", "--socket", server.socket, "--role", "patient"],
            input: """
                adjust 3.5
                adjust 5
                adjust 3 --acknowledge shannon
                write 2 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                check 2 --amplitude 3 --pulse-width 300 --frequency 50 --contacts 2-,3+
                impedance
                log
                activate 3
                off
                battery
                status
                """)
        #expect(patient.status == 1, "refused lines make the exit status 1")
        #expect(patient.stdout.contains(") as patient\ntype help"))
        #expect(patient.answer(to: "adjust 3.5").contains("amplitude set: ramping to 3.5 mA"))
        #expect(patient.answer(to: "adjust 5").contains("patientRange"), "\(patient.answer(to: "adjust 5"))")
        #expect(patient.answer(to: "adjust 3 --acknowledge shannon").contains("a patient's remote cannot acknowledge"))
        let remote = "it may adjust the amplitude within the patient range, activate an enabled slot"
        for (line, action) in [
            ("write 2", "write or check programs"), ("check 2", "write or check programs"),
            ("impedance", "measure impedance"), ("log", "read the event log"),
        ] {
            let text = patient.answer(toLineStarting: line)
            #expect(
                unwrapped(text).contains("refused, nothing sent: a patient's remote may not \(action); \(remote)"),
                "\(text)")
        }
        #expect(patient.answer(to: "activate 3").contains("the device refused it: "))
        #expect(patient.answer(to: "off").contains("therapy off"))
        #expect(patient.answer(to: "battery").contains("battery    "))
        #expect(patient.answer(to: "status").contains("2     disabled  empty"), "slot 2 was not written")
    }

    @Test("an unknown role is bad usage")
    func unknownRole() throws {
        let result = try SCSProcess.run(["session", "--device", "tonic-16", "--role", "nurse"], input: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("nurse"))
    }
}
