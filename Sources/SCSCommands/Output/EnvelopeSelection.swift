import StimSafety

/// The rows and columns a readable envelope table shows by default: clinically familiar values that
/// lie on the device's grids.
package enum EnvelopeSelection {
    static let familiarPulseWidths: [Int64] = [
        20, 30, 40, 60, 90, 100, 150, 200, 250, 300, 400, 450, 500, 600, 700, 720, 800, 1000,
    ]
    static let familiarFrequencies: [Int64] = [
        2, 10, 20, 40, 50, 60, 100, 130, 200, 500, 1000, 1200, 1500, 3000, 5000, 10000,
    ]

    package static func pulseWidths(_ grid: Grid<Nanoseconds>) -> [Nanoseconds] {
        let picked = familiarPulseWidths.map { Nanoseconds(units: $0) }.filter(grid.allows)
        return picked.count >= 4 ? picked : evenlySpaced(grid.values, count: 12)
    }

    package static func rates(_ grid: RateGrid) -> [Rate] {
        let picked = familiarFrequencies.map { Rate.frequency(Millihertz(units: $0)) }.filter(grid.allows)
        if picked.count >= 4 { return picked }
        // A period grid rarely hits round frequencies exactly: take the settable rate just below each.
        let snapped = familiarFrequencies.compactMap { grid.snapDown(.frequency(Millihertz(units: $0))) }
            .filter { grid.contains($0) }
        var unique: [Rate] = []
        for rate in snapped where !unique.contains(rate) { unique.append(rate) }
        return unique.count >= 4 ? unique : evenlySpaced(grid.values, count: 10)
    }

    private static func evenlySpaced<Value>(_ values: [Value], count: Int) -> [Value] {
        guard values.count > count, count > 1 else { return values }
        return (0..<count).map { values[$0 * (values.count - 1) / (count - 1)] }
    }
}
