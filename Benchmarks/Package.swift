// swift-tools-version: 6.1

import PackageDescription

// Benchmarks live in their own package so the root's `swift test` stays fast; run them with
// `swift package --disable-sandbox benchmark` from this folder (always a release build).
let package = Package(
    name: "Benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "scs", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        benchmark("StimSafetyBenchmarks", using: ["StimSafety"]),
        benchmark(
            "TherapyLogBenchmarks",
            using: ["TherapyLog", "RecordingFormat", "StimSafety", "DeviceProfiles", "StimDevice"]),
        benchmark("StimDeviceBenchmarks", using: ["StimDevice", "StimProtocol", "StimSafety", "DeviceProfiles"]),
    ]
)

/// A benchmark executable in `Benchmarks/NAME` using the root package's `products`, in the root's
/// language mode and upcoming features.
func benchmark(_ name: String, using products: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: [.product(name: "Benchmark", package: "benchmark")]
            + products.map { .product(name: $0, package: "scs") },
        path: "Benchmarks/\(name)",
        swiftSettings: [
            .swiftLanguageMode(.v6),
            .enableUpcomingFeature("ExistentialAny"),
            .enableUpcomingFeature("MemberImportVisibility"),
        ],
        plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
    )
}
