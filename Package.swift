// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Carrier",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "carrier", targets: ["carrier"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift.git", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-certificates.git", from: "1.21.1"),
        .package(url: "https://github.com/adam-fowler/compress-nio.git", from: "1.5.0"),
    ],
    targets: [
        .target(name: "MailCore"),
        .target(name: "SMTPProtocol", dependencies: ["MailCore"]),
        .target(name: "POP3Protocol", dependencies: ["MailCore"]),
        .target(name: "CarrierConfig", dependencies: ["MailCore"]),
        .target(name: "CarrierAuth", dependencies: [
            "MailCore",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        .target(name: "CarrierStore", dependencies: [
            "MailCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "CarrierNetwork", dependencies: [
            "MailCore",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "CompressNIO", package: "compress-nio"),
        ]),
        .target(name: "LocalDelivery", dependencies: [
            "MailCore", "CarrierStore",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "Ingress", dependencies: [
            "MailCore", "SMTPProtocol", "CarrierConfig", "CarrierStore", "CarrierAuth", "LocalDelivery",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "Queue", dependencies: [
            "MailCore", "CarrierConfig", "CarrierStore", "Ingress", "LocalDelivery", "SMTPProtocol", "CarrierAuth", "CarrierNetwork",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "IMAPProtocol", dependencies: ["MailCore"]),
        .target(name: "MailboxAccess", dependencies: [
            "MailCore", "CarrierConfig", "CarrierStore", "CarrierAuth", "Ingress", "IMAPProtocol", "POP3Protocol",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .target(name: "CarrierServer", dependencies: [
            "MailCore", "SMTPProtocol", "CarrierConfig", "CarrierStore", "CarrierAuth",
            "CarrierNetwork", "Ingress", "LocalDelivery", "Queue", "MailboxAccess",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "carrier", dependencies: [
            "CarrierServer", "CarrierConfig", "CarrierStore", "CarrierAuth", "MailCore", "Ingress", "SMTPProtocol", "LocalDelivery",
            "Queue",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .target(name: "CarrierTesting", dependencies: [
            "MailCore", "CarrierStore", "CarrierConfig",
        ]),
        .testTarget(name: "MailCoreTests", dependencies: ["MailCore", "CarrierTesting"]),
        .testTarget(name: "SMTPProtocolTests", dependencies: ["SMTPProtocol", "MailCore"]),
        .testTarget(name: "POP3ProtocolTests", dependencies: ["POP3Protocol", "CarrierTesting"]),
        .testTarget(name: "IMAPProtocolTests", dependencies: ["IMAPProtocol", "MailCore", "CarrierTesting"]),
        .testTarget(name: "CarrierConfigTests", dependencies: ["CarrierConfig"]),
        .testTarget(name: "CarrierAuthTests", dependencies: [
            "CarrierAuth", "MailCore", .product(name: "Crypto", package: "swift-crypto"),
        ]),
        .testTarget(name: "CarrierStoreTests", dependencies: ["CarrierStore", "CarrierTesting"]),
        .testTarget(name: "MailboxAccessTests", dependencies: ["MailboxAccess", "MailCore", "CarrierTesting", "CarrierStore", "Ingress", "IMAPProtocol", "CarrierAuth", "CarrierConfig", "LocalDelivery", .product(name: "Logging", package: "swift-log")]),
        .testTarget(name: "CarrierCLITests", dependencies: ["carrier", "CarrierConfig", "CarrierStore", "CarrierTesting"]),
        .testTarget(name: "LocalDeliveryTests", dependencies: ["LocalDelivery", "CarrierTesting", "MailCore", "CarrierStore"]),
        .testTarget(name: "IngressTests", dependencies: ["Ingress", "CarrierTesting", "SMTPProtocol", "LocalDelivery"]),
        .testTarget(name: "QueueTests", dependencies: [
            "Queue", "Ingress", "CarrierStore", "CarrierTesting", "LocalDelivery", "CarrierServer", "CarrierAuth", "SMTPProtocol",
            "CarrierNetwork",
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
        ]),
        .testTarget(name: "CarrierServerTests", dependencies: [
            "CarrierServer", "CarrierTesting",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
        ]),
        .testTarget(name: "CarrierNetworkTests", dependencies: [
            "CarrierNetwork", "CarrierTesting",
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOEmbedded", package: "swift-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            .product(name: "NIOTLS", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
