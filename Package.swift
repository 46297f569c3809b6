// swift-tools-version: 6.1

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
    ("frames", ["StimProtocol"]),
    ("device", ["StimDevice", "StimProtocol", "StimSafety", "DeviceProfiles", "TherapyLog"]),
    ("recording-line", ["TherapyLog"]),
    ("recording", ["TherapyLog", "DeviceProfiles", "StimSafety"]),
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
        .library(name: "StimSafety", targets: ["StimSafety"]),
        .library(name: "DeviceProfiles", targets: ["DeviceProfiles"]),
        .library(name: "TherapyLog", targets: ["TherapyLog"]),
        .library(name: "StimProtocol", targets: ["StimProtocol"]),
        .library(name: "StimDevice", targets: ["StimDevice"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    ],
    targets: [
        // No I/O and no Foundation: the rules' only import is swift-numerics' `RealModule`, for the C math
        // library's logarithms and powers (`squareRoot()` needs that library at link time too).
        .target(
            name: "StimSafety", dependencies: [.product(name: "RealModule", package: "swift-numerics")],
            swiftSettings: strictness, linkerSettings: [.linkedLibrary("m")]),
        // Files, pipes and standard input read and examined through POSIX calls, with plain errors.
        .target(name: "FileIO", swiftSettings: strictness),
        .target(
            name: "DeviceProfiles",
            dependencies: ["StimSafety", "FileIO", .product(name: "Yams", package: "Yams")],
            swiftSettings: strictness
        ),
        .target(
            name: "StimProtocol",
            dependencies: ["StimSafety", .product(name: "Crypto", package: "swift-crypto")],
            swiftSettings: strictness
        ),
        .target(
            name: "StimDevice",
            dependencies: [
                "StimSafety", "StimProtocol", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .systemLibrary(name: "CLibUSB", pkgConfig: "libusb-1.0", providers: [.apt(["libusb-1.0-0-dev"])]),
        .target(name: "StimUSB", dependencies: ["CLibUSB", "StimDevice"], swiftSettings: strictness),
        .systemLibrary(name: "CUMockdev", pkgConfig: "umockdev-1.0", providers: [.apt(["libumockdev-dev"])]),
        // The virtual stimulator on umockdev's virtual USB bus, for the USB tests and `scs usb emulate`.
        .target(
            name: "USBTestbed", dependencies: ["CUMockdev", "StimUSB", "StimDevice", "StimProtocol"],
            swiftSettings: strictness),
        .target(
            name: "TherapyLog",
            dependencies: ["StimSafety", "DeviceProfiles", "StimDevice", "FileIO"],
            swiftSettings: strictness
        ),
        .target(
            name: "DeviceImport",
            dependencies: ["TherapyLog", "StimSafety", "DeviceProfiles", "FileIO"],
            swiftSettings: strictness
        ),
        .target(
            name: "SCSCommands",
            dependencies: [
                "StimSafety", "DeviceProfiles", "TherapyLog", "DeviceImport", "StimDevice", "StimProtocol", "StimUSB",
                "USBTestbed", "FileIO",
                .product(name: "Yams", package: "Yams"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictness
        ),
        .executableTarget(
            name: "scs", dependencies: ["SCSCommands", .product(name: "Logging", package: "swift-log")],
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
                "StimDevice", "StimProtocol", "StimSafety", "DeviceProfiles", "TherapyLog",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "StimUSBTests",
            dependencies: ["StimUSB", "USBTestbed", "StimDevice", "StimProtocol", "StimSafety", "DeviceProfiles"],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "TherapyLogTests",
            dependencies: ["TherapyLog", "StimSafety", "DeviceProfiles", "FileIO"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "DeviceImportTests",
            dependencies: ["DeviceImport", "TherapyLog", "StimSafety", "DeviceProfiles", "FileIO"],
            resources: [.copy("Fixtures")],
            swiftSettings: strictness
        ),
        .testTarget(
            name: "SCSCommandsTests",
            dependencies: [
                "SCSCommands", "StimSafety", "DeviceProfiles", "StimDevice", "StimProtocol", "StimUSB", "USBTestbed",
                "TherapyLog", "FileIO",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            resources: [.copy("Golden")],
            swiftSettings: strictness
        ),
    ]
        + fuzzTargets.map { target in
            .executableTarget(
                name: "fuzz-\(target.name)", dependencies: ["FuzzSupport"] + target.dependencies,
                path: "Fuzz/Targets/\(target.name)", swiftSettings: strictness)
        }
)
