/// Finds the cipher suite in the first bytes a TLS server writes: a handshake
/// record whose first message is the ServerHello (RFC 8446 §4.1.3, RFC 5246
/// §7.4.1.3). In TLS 1.3 a HelloRetryRequest has the same shape and names the
/// same suite as the ServerHello that follows (§4.1.4).
enum TLSServerHello {
    enum Scan: Equatable {
        case needMoreBytes
        case cipherSuite(UInt16)
        /// An alert, or a ServerHello split across records: no suite to read.
        case notServerHello
    }

    /// Record header (5) + handshake header (4) + version (2) + random (32) +
    /// session id (1 + up to 32) + cipher suite (2): no scan needs more bytes.
    static let longestPrefix = 78

    static func scan(_ bytes: [UInt8]) -> Scan {
        let recordHeader = 5, handshakeHeader = 4, sessionIDLengthOffset = recordHeader + handshakeHeader + 2 + 32
        guard let contentType = bytes.first else { return .needMoreBytes }
        guard contentType == 22 else { return .notServerHello }
        guard bytes.count > recordHeader else { return .needMoreBytes }
        guard bytes[recordHeader] == 2 else { return .notServerHello }
        guard bytes.count > sessionIDLengthOffset else { return .needMoreBytes }
        let recordEnd = recordHeader + (Int(bytes[3]) << 8 | Int(bytes[4]))
        let sessionIDLength = Int(bytes[sessionIDLengthOffset])
        let suiteOffset = sessionIDLengthOffset + 1 + sessionIDLength
        guard sessionIDLength <= 32, suiteOffset + 2 <= recordEnd else { return .notServerHello }
        guard bytes.count >= suiteOffset + 2 else { return .needMoreBytes }
        return .cipherSuite(UInt16(bytes[suiteOffset]) << 8 | UInt16(bytes[suiteOffset + 1]))
    }
}
