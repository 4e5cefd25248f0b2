import CarrierNetwork
import Ingress
import MailboxAccess

/// Adapts an IMAP or POP3 connection to the network layer's `StreamSession`.
final class MailboxStreamSession: StreamSession {
    let connection: any MailboxConnection

    init(_ connection: any MailboxConnection) {
        self.connection = connection
    }

    func start(tls: TLSInfo?) -> StreamStep {
        StreamStep(connection.start(tls: tls.map { ($0.protocolVersion, $0.cipherSuite) }))
    }

    func receive(_ bytes: [UInt8]) -> StreamStep { StreamStep(connection.receive(bytes)) }
    func tlsEstablished(_ info: TLSInfo) -> StreamStep {
        StreamStep(connection.tlsEstablished(version: info.protocolVersion, cipher: info.cipherSuite))
    }
    func timedOut() -> StreamStep { StreamStep(connection.timedOut()) }
    func shutdown() -> StreamStep { StreamStep(connection.shutdown()) }
    func disconnected() { connection.disconnected() }
    func attach(push: StreamPush) { connection.setPushSink(MailboxPush(write: push.write, isWritable: push.isWritable)) }
}
