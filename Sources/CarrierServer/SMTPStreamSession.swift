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

    func start() -> StreamStep {
        if let count = refusedAtCount { return Self.convert(connection.refuseTooManyConnections(count: count)) }
        return Self.convert(connection.start())
    }

    func receive(_ bytes: [UInt8]) -> StreamStep { Self.convert(connection.receive(bytes)) }
    func timedOut() -> StreamStep { Self.convert(connection.timedOut()) }
    func shutdown() -> StreamStep { Self.convert(connection.shutdown()) }
    func disconnected() { connection.disconnected() }

    static func convert(_ step: ConnectionStep) -> StreamStep {
        let output = StreamOutput(bytes: step.output.bytes, close: step.output.close)
        guard let next = step.next else { return StreamStep(output: output) }
        return StreamStep(output: output) { convert(await next()) }
    }
}
