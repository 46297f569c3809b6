import Foundation
import RecordingFormat
import Testing

@testable import TherapyLog

/// Reading holds one chunk of the file at a time, whatever the file's length.
@Suite("Streaming a long recording")
struct StreamingTests {
    static let days = 1_000
    static let adjustmentsPerDay = 198

    /// Writes a recording of `days` days, 200 lines a day: therapy on 06:00–22:00 with an amplitude
    /// change every 4 minutes from 06:04 to 19:12, alternating 4 mA and 3 mA. Returns the file and its
    /// longest line in bytes.
    static func generate() throws -> (url: URL, longestLine: Int) {
        let url = try TestRecordings.temporary("", name: "long.scsrec.jsonl")
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        let firstDay = try #require(Timestamp(rfc3339: "2024-01-01T00:00:00Z")).dayNumber
        var text = ""
        var longest = 0
        func append(_ line: String) {
            longest = max(longest, line.utf8.count)
            text += line + "\n"
        }
        append(TestRecordings.header("2024-01-01T00:00:00Z"))
        append(
            #"{"t":"2024-01-01T00:00:00Z","type":"program","slot":1,"by":"clinician","program":{"amplitude":3,"pulseWidth":200,"frequency":40,"contacts":{"1":-100,"2":100}}}"#
        )
        append(#"{"t":"2024-01-01T00:00:00Z","type":"activate","slot":1,"by":"clinician"}"#)
        for day in 0..<days {
            let date = CivilDate(dayNumber: firstDay + Int64(day)).isoDate
            append(#"{"t":"\#(date)T06:00:00Z","type":"therapy","on":true,"by":"patient"}"#)
            for step in 1...adjustmentsPerDay {
                let minutes = Int64(6 * 60 + step * 4)
                let time = "\(date)T\(Timestamp.twoDigits(minutes / 60)):\(Timestamp.twoDigits(minutes % 60)):00Z"
                let amplitude = step % 2 == 1 ? "4" : "3"
                append(#"{"t":"\#(time)","type":"amplitude","slot":1,"amplitude":\#(amplitude),"by":"patient"}"#)
            }
            append(#"{"t":"\#(date)T22:00:00Z","type":"therapy","on":false,"by":"patient"}"#)
            if text.utf8.count > 1 << 20 {
                handle.write(Data(text.utf8))
                text = ""
            }
        }
        append(#"{"t":"\#(CivilDate(dayNumber: firstDay + Int64(days)).isoDate)T00:00:00Z","type":"end"}"#)
        handle.write(Data(text.utf8))
        return (url, longest)
    }

    @Test func aMultiMegabyteRecordingIsReadOneChunkAtATimeAndAnalysedExactly() throws {
        let (url, longestLine) = try Self.generate()
        let size = try #require(try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int)
        #expect(size > 15_000_000)
        let options = ReadingOptions(chunkSize: 64 * 1024)
        let reader = try RecordingReader(contentsOf: url, options: options)
        var analyzer = TherapyAnalyzer(
            file: "long", header: reader.header, limits: try TestRecordings.limits("tonic-16"))
        var findings: [ReadingFinding] = []
        let outcome = try reader.read { item in
            if case .finding(let finding) = item { findings.append(finding) }
            analyzer.consume(item)
        }
        let report = analyzer.finish(outcome)

        #expect(findings.isEmpty)
        #expect(outcome.lineCount == 3 + Self.days * (Self.adjustmentsPerDay + 2) + 1)
        #expect(outcome.lineCount > 200_000)
        #expect(outcome.bytesRead == size)
        // Never more than one chunk plus the partial line carried over from the one before.
        #expect(outcome.peakBufferedBytes <= options.chunkSize + longestLine)

        #expect(report.days.count == Self.days)
        #expect(report.days.allSatisfy { $0.therapyHours == 16 })
        #expect(report.therapyHours == 16.0 * Double(Self.days))
        // Each day: the 99 odd steps hold 4 mA for 4 minutes each (396 min); 3 mA holds the other
        // 960 − 396 = 564 minutes (06:00–06:04, the even steps, and 19:12–22:00).
        let mean = (4.0 * 396 + 3.0 * 564) / 960
        #expect(isClose(report.programs.first?.meanAmplitude, mean))
        #expect(report.adjustments.patient == Self.days * Self.adjustmentsPerDay)
        // 200 µs × 40 /s × 3600 s/h × 16 h/day × days, times the mean amplitude in A.
        let charge = mean / 1000 * 200e-6 * 40 * 3600 * 16 * Double(Self.days)
        #expect(isClose(report.deliveredCharge, charge, tolerance: 1e-9))
    }
}
