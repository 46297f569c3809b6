// swift-tools-version: 6.2

import PackageDescription

let strictness: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

/// The fuzz targets (`docs/fuzzing.md`): each is an executable `fuzz-NAME` in `Fuzz/Targets/NAME`,
/// and none is a product. `scripts/fuzz NAME` builds one with `-sanitize=fuzzer,address -DFUZZING`;
/// a plain build makes replay-only executables, which CI runs over `Fuzz/Regressions/NAME`.
let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
    ("frames", ["StimProtocol", "StimSafety"]),
    ("device", ["StimDevice", "RecordingFormat", "StimProtocol", "StimSafety", "DeviceProfiles", "TherapyLog"]),
    ("recording-line", ["TherapyLog"]),
    ("recording", ["TherapyLog", "RecordingFormat", "DeviceProfiles", "StimSafety"]),
    ("import", ["DeviceImport", "TherapyLog", "DeviceProfiles", "StimSafety"]),
    ("profile", ["DeviceProfiles", "StimSafety", "StimDevice"]),
    ("program", ["SCSCommands", "DeviceProfiles", "StimSafety"]),
    ("check-plan", ["SCSCommands", "DeviceProfiles"]),
    ("session-script", ["SCSCommands", "DeviceProfiles", "StimSafety"]),
]

let package = Package(
    name: "scs",
    products: [
        .executable(name: "scs", targets: ["scs"]),
        .executable(name: "scs-usb-emulate", targets: ["scs-usb-emulate"]),
        .library(name: "StimSafety", targets: ["StimSafety"]),
        .library(name: "RecordingFormat", targets: ["RecordingFormat"]),
        .library(name: "DeviceProfiles", targets: ["DeviceProfiles"]),
        .library(name: "TherapyLog", targets: ["TherapyLog"]),
        .library(name: "StimProtocol", targets: ["StimProtocol"]),
        .library(name: "StimDevice", targets: ["StimDevice"]),
        .library(name: "Replay", targets: ["Replay"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The browser programmer's server (`scs ui`); no trait: neither swift-configuration nor full Foundation.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
        // Already in the graph through Hummingbird; named for the WebSocket close codes the tests read.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        // No I/O and no Foundation: the rules' only import is swift-numerics' `RealModule`, for the C math
        // library's logarithms and powers (`squareRoot()` needs that library at link time too).
        .target(
            name: "StimSafety", dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: strictness, linkerSettings: [.linkedLibrary("m")]),
        // The recording vocabulary (`docs/recording-format.md`): instants, events and their one writer.
        .target(name: "RecordingFormat", dependencies: ["StimSafety"], swiftSettings: strictness),
        // Files, pipes and standard input read and examined through POSIX calls, with plain errors.
        .target(name: "FileIO", swiftSettings: strictness),
        // The bundled profiles are the top-level Devices/*.yaml, compiled in by the EmbedDevices plugin so
        // that an installed `scs` works from any directory.
        .target(
            name: "DeviceProfiles",
            dependencies: ["StimSafety", "FileIO", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness,
            plugins: ["EmbedDevices"]
        ),
        .plugin(name: "EmbedDevices", capability: .buildTool()),
        .target(
            name: "StimProtocol",
            dependencies: ["StimSafety", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "StimDevice",
            dependencies: [
                "StimSafety", "StimProtocol", "RecordingFormat", .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        .target(name: "StimUSB", dependencies: ["CLibUSB", "StimDevice"], swiftSettings: strictness),
        .systemLibrary(
            name: "CUMockdev", path: "Tests/Support/CUMockdev", pkgConfig: "umockdev-1.0",
            providers: [.apt(["libumockdev-dev"])]),
        // Test support under Tests/Support, in no library product: the virtual stimulator on umockdev's
        // virtual USB bus (for the USB tests and `scs-usb-emulate`), the fault-injecting transport, and
        // the programming session every transport must pass.
        .target(
            name: "USBTestbed", dependencies: ["CUMockdev", "StimUSB", "StimDevice", "StimProtocol"],
            path: "Tests/Support/USBTestbed", swiftSettings: strictness),
        .target(
            name: "StimDeviceTestSupport",
            dependencies: ["StimDevice", "StimProtocol", "StimSafety", "RecordingFormat"],
            path: "Tests/Support/StimDeviceTestSupport", swiftSettings: strictness),
        .target(
            name: "TherapyLog",
            dependencies: ["RecordingFormat", "StimSafety", "FileIO"],
            swiftSettings: strictness
        ),
        .target(
            name: "DeviceImport",
            dependencies: ["TherapyLog", "RecordingFormat", "StimSafety", "FileIO"],
            swiftSettings: strictness
        ),
        // A recording's commands driven into a stimulator and compared with what it does (`scs replay`).
        .target(
            name: "Replay",
            dependencies: ["StimSafety", "RecordingFormat", "StimProtocol", "StimDevice", "TherapyLog"],
            swiftSettings: strictness),
        // The HTML report of `scs analyze --html` (inline SVG charts) and the number formats of every report.
        .target(
            name: "Report",
            dependencies: ["TherapyLog", "RecordingFormat", "DeviceImport", "DeviceProfiles", "StimSafety"],
            swiftSettings: strictness),
        .target(
            name: "SCSCommands",
            dependencies: [
                "StimSafety", "RecordingFormat", "DeviceProfiles", "TherapyLog", "DeviceImport", "StimDevice",
                "StimProtocol", "StimUSB", "Replay", "Report", "FileIO",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        // The cohort store (`docs/cohort.md`): each recording's report in SQLite through GRDB or in PostgreSQL
        // through postgres-nio, and the fleet's job queue. Only the `scs` executable and its own tests link
        // it, so that no other build compiles GRDB or postgres-nio.
        .target(
            name: "CohortStore",
            dependencies: [
                "TherapyLog", "DeviceImport", "RecordingFormat", "Report", "DeviceProfiles", "FileIO", "StimSafety",
                .product(name: "GRDB", package: "GRDB.swift"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "PostgresNIO", package: "postgres-nio"), .product(name: "NIOCore", package: "swift-nio"),
            ],
            resources: [.embedInCode("Migrations/postgres-v1.sql"), .embedInCode("Migrations/postgres-v2.sql")],
            swiftSettings: strictness),
        // `scs ui`, the clinician's programmer in the browser: only the `scs` executable links it (and so
        // swift-nio), so that the fuzz targets and the other test targets build without a web server.
        .target(
            name: "ProgrammerUI",
            dependencies: [
                "SCSCommands", "StimSafety", "DeviceProfiles", "StimDevice", "StimProtocol", "RecordingFormat",
                "TherapyLog", "Report", "Replay",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [
                .embedInCode("Page/index.html"), .embedInCode("Page/app.js"), .embedInCode("Page/diagram.js"),
                .embedInCode("Page/envelope.js"), .embedInCode("Page/style.css"),
            ],
            swiftSettings: strictness),
        // The executable: the commands of SCSCommands, plus those that need the cohort store (`scs cohort`)
        // or the web server (`scs ui`).
        .executableTarget(
            name: "scs",
            dependencies: [
                "SCSCommands", "CohortStore", "ProgrammerUI", "DeviceProfiles", "Report",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness),
        // `scs usb emulate` runs this executable in its place, so that only it links umockdev.
        .executableTarget(
            name: "scs-usb-emulate",
            dependencies: [
                "SCSCommands", "USBTestbed", "DeviceProfiles", "StimDevice",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: strictness),
        // libFuzzer's driver entry, imported only by FuzzSupport; -sanitize=fuzzer links the library.
        .systemLibrary(name: "CFuzzer", path: "Fuzz/CFuzzer"),
        .target(name: "FuzzSupport", dependencies: ["CFuzzer"], path: "Fuzz/FuzzSupport", swiftSettings: strictness),
        .testTarget(
            name: "StimSafetyTests",
            dependencies: ["StimSafety", .product(name: "PropertyBased", package: "swift-property-based")],
            swiftSettings: strictness
        ),
        .testTarget(name: "FileIOTests", dependencies: ["FileIO"], swiftSettings: strictness),
        .testTarget(
            name: "RecordingFormatTests", dependencies: ["RecordingFormat", "StimSafety"], swiftSettings: strictness),
        .testTarget(
            name: "DeviceProfilesTests",
            dependencies: ["DeviceProfiles", "StimSafety", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "StimProtocolTests",
            dependencies: ["StimProtocol", "StimSafety"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "StimDeviceTests",
            dependencies: [
                "StimDevice", "StimDeviceTestSupport", "RecordingFormat", "StimProtocol", "StimSafety",
                "DeviceProfiles",
                "TherapyLog",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "StimUSBTests",
            dependencies: [
                "StimUSB", "USBTestbed", "StimDevice", "StimDeviceTestSupport", "RecordingFormat", "StimProtocol",
                "StimSafety",
                "DeviceProfiles",
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TherapyLogTests",
            dependencies: ["TherapyLog", "RecordingFormat", "StimSafety", "DeviceProfiles"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeviceImportTests",
            dependencies: ["DeviceImport", "RecordingFormat", "TherapyLog", "StimSafety", "DeviceProfiles"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ReplayTests",
            dependencies: ["Replay", "StimDevice", "StimProtocol", "StimSafety", "DeviceProfiles"],
            swiftSettings: strictness),
        .testTarget(
            name: "CohortStoreTests",
            dependencies: [
                "CohortStore", "TherapyLog", "DeviceImport", "RecordingFormat", "DeviceProfiles",
                .product(name: "GRDB", package: "GRDB.swift"),
            ],
            swiftSettings: strictness),
        .testTarget(
            name: "SCSCommandsTests",
            dependencies: [
                "SCSCommands", "Replay", "RecordingFormat", "StimSafety", "DeviceProfiles", "StimDevice",
                "StimProtocol", "StimUSB", "USBTestbed", "TherapyLog", "Report",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            resources: [.copy("Golden")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "ProgrammerUITests",
            dependencies: [
                "ProgrammerUI", "SCSCommands", "StimSafety", "DeviceProfiles", "StimDevice", "StimProtocol",
                "USBTestbed", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSTesting", package: "hummingbird-websocket"),
                .product(name: "NIOWebSocket", package: "swift-nio"),
            ],
            swiftSettings: strictness),
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: "fuzz-\(target.name)", dependencies: ["FuzzSupport"] + target.dependencies,
                path: "Fuzz/Targets/\(target.name)", swiftSettings: strictness)
        }
)
