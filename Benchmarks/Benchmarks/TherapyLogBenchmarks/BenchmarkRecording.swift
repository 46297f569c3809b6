import Foundation
import StimDevice

/// A large recording written at benchmark time: decades of one patient's device log with the mix of
/// a real one (hourly battery samples, patient adjustments through the day, therapy switched on and
/// off, a daily impedance check, recharging every other day, a weekly program write, refused
/// commands and faults), generated from a fixed seed so that every run reads the same bytes.
enum BenchmarkRecording {
    /// The smallest file the benchmarks read.
    static let minimumBytes = 100 * 1024 * 1024

    /// Writes the recording to a fresh file in the temporary folder and returns it with its size.
    static func write() throws -> (url: URL, bytes: Int) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(
            "scs-therapylog-benchmark-\(UUID().uuidString).scsrec.jsonl")
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var writer = Writer(random: SeededRandom(seed: 0x5C5))
        var chunk = ""
        var written = 0
        func flush(_ force: Bool) throws {
            guard force || chunk.utf8.count > 1 << 20 else { return }
            written += chunk.utf8.count
            try handle.write(contentsOf: Data(chunk.utf8))
            chunk = ""
        }
        chunk += writer.header()
        var day = 0
        while written + chunk.utf8.count < minimumBytes {
            chunk += writer.day(day)
            day += 1
            try flush(false)
        }
        chunk += #"{"t":"\#(Writer.date(day))T00:00:00Z","type":"end"}"# + "\n"
        try flush(true)
        return (url, written)
    }

    /// Writes the lines of each day.
    struct Writer {
        var random: SeededRandom
        var amplitude = [1: 45, 2: 30]  // tenths of a milliamp
        var battery = 900  // tenths of a percent
        var activeSlot = 1
        var impedance = (1...16).map { 600 + $0 * 25 }

        static let firstDay = 7_305  // 1990-01-01

        static func date(_ day: Int) -> String {
            let instant = Date(timeIntervalSince1970: Double(firstDay + day) * 86_400)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC") ?? .current
            let parts = calendar.dateComponents([.year, .month, .day], from: instant)
            return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
        }

        func header() -> String {
            #"{"type":"header","format":"scs-recording","version":1,"device":"tonic-16","serial":"IPG-BENCH","start":"1990-01-01T00:00:00Z"}"#
                + "\n"
        }

        mutating func day(_ day: Int) -> String {
            let date = Self.date(day)
            var events: [(second: Int, line: String)] = []
            func at(_ written: Int, _ body: String) {
                let minute = min(written, 24 * 60 - 1)
                let second = random.below(60)
                let time = "\(date)T\(two(minute / 60)):\(two(minute % 60)):\(two(second))Z"
                events.append((minute * 60 + second, #"{"t":"\#(time)",\#(body)}"#))
            }
            if day % 7 == 0 {
                for slot in [1, 2] {
                    at(8 * 60 + slot, program(slot: slot))
                }
            }
            if day % 3 == 0 {
                activeSlot = 3 - activeSlot
                at(6 * 60 + 50, #""type":"activate","slot":\#(activeSlot),"by":"patient""#)
            }
            at(7 * 60 + 10 + random.below(60), #""type":"impedance","ohms":{\#(ohms())}"#)
            var minute = 7 * 60 + random.below(40)
            for _ in 0..<3 {
                at(minute, #""type":"therapy","on":true,"by":"patient""#)
                minute += 120 + random.below(180)
                at(minute, #""type":"therapy","on":false,"by":"\#(random.below(10) == 0 ? "device" : "patient")""#)
                minute += 20 + random.below(60)
            }
            for _ in 0..<12 {
                let slot = activeSlot
                amplitude[slot] = min(max((amplitude[slot] ?? 40) + random.pick([-2, -1, 1, 2]), 20), 62)
                let tenths = amplitude[slot] ?? 40
                at(
                    6 * 60 + random.below(16 * 60),
                    #""type":"amplitude","slot":\#(slot),"amplitude":\#(tenths / 10).\#(tenths % 10),"by":"patient""#)
            }
            for hour in 0..<24 {
                battery = max(battery - 8 - random.below(8), 50)
                at(hour * 60 + 5, #""type":"battery","percent":\#(battery / 10).\#(battery % 10)"#)
            }
            if day % 2 == 1 {
                let start = 20 * 60 + random.below(60)
                at(start, #""type":"charge","state":"start""#)
                at(start + 60 + random.below(60), #""type":"charge","state":"end""#)
                battery = 1000
            }
            if random.below(2) == 0 {
                at(
                    9 * 60 + random.below(600),
                    #""type":"rejected","by":"patient","rules":["patientRange"],"request":{"slot":\#(activeSlot),"amplitude":7.5}"#
                )
            }
            if day % 11 == 0 {
                at(13 * 60, #""type":"fault","code":"lead-open","detail":"contact \#(1 + random.below(16))""#)
            }
            events.sort { $0.second < $1.second }
            return events.map { $0.line + "\n" }.joined()
        }

        private mutating func program(slot: Int) -> String {
            let contacts = slot == 1 ? #""2":-100,"3":100"# : #""5":-50,"6":-50,"7":100"#
            let frequency = slot == 1 ? 50 : 40
            let tenths = amplitude[slot] ?? 40
            return
                #""type":"program","slot":\#(slot),"by":"clinician","program":{"amplitude":\#(tenths / 10).\#(tenths % 10),"pulseWidth":300,"frequency":\#(frequency),"waveform":"tonic","contacts":{\#(contacts)},"recovery":"active","patientRange":{"min":2.0,"max":6.5}}"#
        }

        private mutating func ohms() -> String {
            impedance = impedance.map { min(max($0 + random.below(41) - 20, 300), 3_900) }
            return impedance.enumerated().map { #""\#($0.offset + 1)":\#($0.element)"# }.joined(separator: ",")
                + #","case":95"#
        }

        private func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
    }
}

extension SeededRandom {
    /// A number in `0..<bound` (the simulator's SplitMix64, so that every run writes the same bytes).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    mutating func pick<Element>(_ choices: [Element]) -> Element { choices[below(choices.count)] }
}
