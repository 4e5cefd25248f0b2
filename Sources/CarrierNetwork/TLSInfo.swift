/// What a completed TLS handshake negotiated, for the session's log line
/// (`TLS connection established from ...: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384`).
public struct TLSInfo: Equatable, Sendable {
    /// OpenSSL's spelling: `TLSv1.2`, `TLSv1.3`.
    public var protocolVersion: String
    /// The IANA name, such as `TLS_AES_256_GCM_SHA384` or
    /// `TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256`; `unknown` if it could not be read.
    public var cipherSuite: String

    public init(protocolVersion: String, cipherSuite: String) {
        self.protocolVersion = protocolVersion
        self.cipherSuite = cipherSuite
    }
}
