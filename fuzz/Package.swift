// swift-tools-version:6.0
// libFuzzer entry points for Carrier's parsers. The library targets are the
// main package's own folders (symlinked under Sources/), so the fuzzers test
// exactly the code that ships. Build and run with `fuzz/run SECONDS`; the
// targets only link with `-sanitize=fuzzer`, which supplies libFuzzer's driver.
import PackageDescription

let fuzzer: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "CarrierFuzz",
    platforms: [.macOS(.v15)],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        .target(name: "MailCore"),
        .target(name: "SMTPProtocol", dependencies: ["MailCore"]),
        .target(name: "IMAPProtocol", dependencies: ["MailCore"]),
        .target(name: "POP3Protocol", dependencies: ["MailCore"]),
        .target(name: "CarrierConfig", dependencies: ["MailCore"]),
        .target(name: "CarrierAuth", dependencies: [
            "MailCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        // The DNS wire format of CarrierNetwork, without its NIO transport.
        .target(name: "DNSWire", dependencies: ["MailCore"],
                exclude: ["DNSCache.swift", "DNSDatagramHandler.swift", "DNSResolver.swift", "DNSResolver+Lookup.swift",
                          "DNSStreamHandler.swift", "DNSTransport.swift", "DNSServerAddress.swift", "ResolvConf.swift"]),
        .target(name: "FuzzDriver", path: "Targets/FuzzDriver"),
        .executableTarget(name: "FuzzSMTP", dependencies: ["FuzzDriver", "SMTPProtocol"], path: "Targets/FuzzSMTP", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzIMAP", dependencies: ["FuzzDriver", "IMAPProtocol"], path: "Targets/FuzzIMAP", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzPOP3", dependencies: ["FuzzDriver", "POP3Protocol"], path: "Targets/FuzzPOP3", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzMIME", dependencies: ["FuzzDriver", "MailCore", "IMAPProtocol"], path: "Targets/FuzzMIME", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzConfig", dependencies: ["FuzzDriver", "CarrierConfig"], path: "Targets/FuzzConfig", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzDNS", dependencies: ["FuzzDriver", "DNSWire"], path: "Targets/FuzzDNS", swiftSettings: fuzzer),
        .executableTarget(name: "FuzzSASL", dependencies: ["FuzzDriver", "CarrierAuth"], path: "Targets/FuzzSASL", swiftSettings: fuzzer),
    ],
    swiftLanguageModes: [.v6]
)
