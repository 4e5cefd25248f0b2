import CarrierNetwork
import Ingress

/// Adapts an smtpd connection to the network layer's `StreamSession`; a
/// connection over the per-client limit is answered 421 and closed at start.
final class SMTPStreamSession: StreamSession {
    let connection: SMTPIngressConnection
    let refusedAtCount: Int?

    init(connection: SMTPIngressConnection, refusedAtCount: Int?) {
        self.connection = connection
        self.refusedAtCount = refusedAtCount
    }

    func start() async -> StreamOutput {
        if let count = refusedAtCount { return Self.convert(await connection.refuseTooManyConnections(count: count)) }
        return Self.convert(await connection.start())
    }

    func receive(_ bytes: [UInt8]) async -> StreamOutput { Self.convert(await connection.receive(bytes)) }
    func timedOut() async -> StreamOutput { Self.convert(await connection.timedOut()) }
    func shutdown() async -> StreamOutput { Self.convert(await connection.shutdown()) }
    func disconnected() async { await connection.disconnected() }

    static func convert(_ output: ConnectionOutput) -> StreamOutput {
        StreamOutput(bytes: output.bytes, close: output.close)
    }
}
