import NIOCore
import NIOSSL

extension TLSInfo {
    /// Reads a finished handshake's facts off the pipeline: the version from
    /// NIOSSL, the cipher suite from the `TLSCipherSuiteHandler` beside it
    /// (NIOSSL does not expose the negotiated cipher).
    init(pipeline: ChannelPipeline.SynchronousOperations) {
        let version = (try? pipeline.nioSSL_tlsVersion()) ?? nil
        let cipherSuite = (try? pipeline.handler(type: TLSCipherSuiteHandler.self))?.cipherSuite
        self.init(protocolVersion: version.map(Self.name) ?? "unknown",
                  cipherSuite: cipherSuite.map(TLSCipherSuiteNames.name) ?? "unknown")
    }

    static func name(_ version: TLSVersion) -> String {
        switch version {
        case .tlsv1: "TLSv1"
        case .tlsv11: "TLSv1.1"
        case .tlsv12: "TLSv1.2"
        case .tlsv13: "TLSv1.3"
        }
    }
}
