import Foundation
import Testing

@Suite("scs session at a terminal")
struct SessionTerminalTests {
    @Test(
        "on a terminal Ctrl-C drops the line, Tab completes, up recalls, Home, Delete, → and typing edit mid-line, the lines are kept in the history file, and Ctrl-D ends the session"
    )
    func typed() throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("session-state-\(UUID())")
        defer { try? FileManager.default.removeItem(at: state) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", Self.typist, SCSProcess.executable.path, state.path]
        process.currentDirectoryURL = SCSProcess.root
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("frobnicate^C"))
        #expect(!text.contains("unknown command"), "the cancelled line was not run")
        #expect(text.contains("off> status "), "Tab completed sta: \(text)")
        #expect(
            text.components(separatedBy: "therapy    off").count == 4,
            "status ran three times: typed, recalled, then mended in the middle")
        let history = try String(contentsOf: state.appendingPathComponent("scs/history"), encoding: .utf8)
        #expect(history == "status \nstatus\n", "the history file holds the lines run, not the cancelled one")
    }

    /// Types at `scs session` (argv[1]) on a pseudo-terminal as a person would; prints everything the
    /// session wrote and exits with its status.
    static let typist = #"""
        import os
        import pty
        import select
        import sys
        import time

        pid, fd = pty.fork()
        if pid == 0:
            os.environ["NO_COLOR"] = "1"
            os.environ["HOME"] = os.environ["XDG_STATE_HOME"] = sys.argv[2]  # never the user's history
            os.execv(sys.argv[1], [sys.argv[1], "session", "--device", "tonic-16"])

        output = b""


        def read_until(token, seconds=30):
            global output
            deadline = time.time() + seconds
            while output.count(token[0]) < token[1] and time.time() < deadline:
                ready, _, _ = select.select([fd], [], [], 0.1)
                if ready:
                    try:
                        output += os.read(fd, 4096)
                    except OSError:
                        return


        prompt = b"tonic-16 \xc2\xb7 no slot \xc2\xb7 off> "
        read_until((prompt, 1))
        os.write(fd, b"frobnicate\x03")  # Ctrl-C drops the line, the session goes on
        read_until((prompt, 2))
        os.write(fd, b"sta\t\r")  # Tab completes status (the completed line is drawn with the prompt again)
        read_until((b"therapy    off", 1))
        read_until((prompt, 4))
        os.write(fd, b"\x1b[A\r")  # up recalls status (drawn with the prompt again too)
        read_until((b"therapy    off", 2))
        read_until((prompt, 6))
        os.write(fd, b"xsttus\x1b[H\x1b[3~\x1b[C\x1b[Ca\r")  # Home, Delete the x, right twice, a: status
        read_until((b"therapy    off", 3))
        read_until((prompt, 12))  # a redraw for each of the five editing keys, then the next prompt
        os.write(fd, b"\x04")  # Ctrl-D ends the session
        read_until((b"\x00", 1), seconds=5)
        _, status = os.waitpid(pid, 0)
        sys.stdout.buffer.write(output)
        sys.exit(os.waitstatus_to_exitcode(status))
        """#
}
