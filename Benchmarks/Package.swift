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
        .executableTarget(
            name: "StimSafetyBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StimSafety", package: "scs"),
            ],
            path: "Benchmarks/StimSafetyBenchmarks",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "TherapyLogBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "TherapyLog", package: "scs"),
                .product(name: "StimSafety", package: "scs"),
                .product(name: "DeviceProfiles", package: "scs"),
            ],
            path: "Benchmarks/TherapyLogBenchmarks",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "StimDeviceBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "StimDevice", package: "scs"),
                .product(name: "StimProtocol", package: "scs"),
                .product(name: "StimSafety", package: "scs"),
                .product(name: "DeviceProfiles", package: "scs"),
            ],
            path: "Benchmarks/StimDeviceBenchmarks",
            swiftSettings: [
                .swiftLanguageMode(.v6),
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("MemberImportVisibility"),
            ],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
