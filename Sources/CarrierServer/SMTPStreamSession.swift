import CarrierNetwork
import Ingress

/// Adapts an smtpd connection to the network layer's `StreamSession`; a
/// connection over a per-client limit is answered 421 and closed at start.
final class SMTPStreamSession: StreamSession {
    /// Why a connection is turned away at once.
    enum Refusal {
        /// `smtpd_client_connection_count_limit`, with the client's open connections.
        case concurrency(Int)
        /// `smtpd_client_connection_rate_limit`.
        case rate
    }

    let connection: SMTPIngressConnection
    let refusal: Refusal?

    init(connection: SMTPIngressConnection, refusal: Refusal?) {
        self.connection = connection
        self.refusal = refusal
    }

    func start(tls: TLSInfo?) -> StreamStep {
        switch refusal {
        case .concurrency(let count)?: return Self.convert(connection.refuseTooManyConnections(count: count))
        case .rate?: return Self.convert(connection.refuseConnectionRate())
        case nil: break
        }
        return Self.convert(connection.start(tls: tls.map { ($0.protocolVersion, $0.cipherSuite) }))
    }

    func receive(_ bytes: [UInt8]) -> StreamStep { Self.convert(connection.receive(bytes)) }
    func tlsEstablished(_ info: TLSInfo) -> StreamStep {
        Self.convert(connection.tlsEstablished(version: info.protocolVersion, cipher: info.cipherSuite))
    }
    func timedOut() -> StreamStep { Self.convert(connection.timedOut()) }
    func shutdown() -> StreamStep { Self.convert(connection.shutdown()) }
    func disconnected() { connection.disconnected() }

    static func convert(_ step: ConnectionStep) -> StreamStep { StreamStep(step) }
}

extension StreamStep {
    /// The network layer's form of a connection's step.
    init(_ step: ConnectionStep) {
        let output = StreamOutput(bytes: step.output.bytes, close: step.output.close, startTLS: step.output.startTLS,
                                  startCompression: step.output.startCompression,
                                  quickAcknowledgement: step.output.quickAcknowledgement)
        guard let next = step.next else {
            self.init(output: output)
            return
        }
        self.init(output: output) { StreamStep(await next()) }
    }
}
