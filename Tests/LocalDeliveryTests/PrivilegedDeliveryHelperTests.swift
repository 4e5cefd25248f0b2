import CarrierStore
import CarrierTesting
import Foundation
import Testing
@testable import LocalDelivery

/// The privileged helper writes only where it was told to at start, and its
/// protocol carries a delivery across a socket pair intact.
@Suite struct PrivilegedDeliveryHelperTests {
    func request(_ kind: ExternalDeliveryRequest.Kind, _ location: String) -> ExternalDeliveryRequest {
        var r = ExternalDeliveryRequest(
            AcceptedMessage(queueID: "Q", sender: "a@x", content: [], metadata: MessageMetadata(), arrival: 0, arrivalInstant: .now),
            LocalRecipient(destination: .mbox(path: "/var/mail/root", account: SystemAccount(name: "root", uid: 0, gid: 0, home: "/root")),
                           finalAddress: "root@localhost", envelopeAddress: "root@localhost"))!
        r.kind = kind
        r.location = location
        return r
    }

    @Test func onlyTheConfiguredLocationsAreAllowed() {
        #expect(PrivilegedDeliveryHelper.allowed(request(.mbox, "/var/mail"), "/var/mail/", ""))
        #expect(!PrivilegedDeliveryHelper.allowed(request(.mbox, "/etc"), "/var/mail", ""))
        #expect(!PrivilegedDeliveryHelper.allowed(request(.maildir, "Maildir/"), "/var/mail", ""))
        #expect(PrivilegedDeliveryHelper.allowed(request(.maildir, "Maildir/"), "/var/mail", "Maildir/"))
        #expect(!PrivilegedDeliveryHelper.allowed(request(.maildir, "../../etc/"), "/var/mail", "Maildir/"))
    }

    @Test func deliveryThroughTheSocketPair() async throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let account = try #require(SystemAccount.lookup("root"))
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        let spool = dir.path
        let helperEnd = fds[1]
        let server = Thread { PrivilegedDeliveryHelper.serve(descriptor: helperEnd, spoolDirectory: spool, maildirFolder: "") }
        server.start()
        let client = PrivilegedDeliveryClient(descriptor: fds[0])
        let message = AcceptedMessage(queueID: "Q1", sender: "a@x", content: Array("Subject: via helper\r\n\r\nhi\r\n".utf8),
                                      metadata: MessageMetadata(), arrival: 0, arrivalInstant: .now)
        let recipient = LocalRecipient(destination: .mbox(path: "\(spool)/root", account: account),
                                       finalAddress: "root@localhost", envelopeAddress: "root@localhost")
        try client.deliver(message, to: recipient)
        let outside = LocalRecipient(destination: .mbox(path: "/etc/root", account: account),
                                     finalAddress: "root@localhost", envelopeAddress: "root@localhost")
        #expect(throws: MailboxDeliveryError.self) { try client.deliver(message, to: outside) }
        close(fds[0])
        let written = try String(contentsOfFile: "\(spool)/root", encoding: .utf8)
        #expect(written.contains("Subject: via helper\n"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/root"))
    }
}
