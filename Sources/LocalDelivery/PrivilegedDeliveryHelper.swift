import Foundation

/// The privileged half of local delivery, run as root in its own process
/// (`carrier local-delivery-helper`) when the server drops its privileges to
/// `mail_owner`, as Postfix keeps local(8) apart from smtpd: it reads delivery
/// requests on a socket from the server, appends to mboxes and Maildirs with
/// the recipient's ownership, and answers each one. It exits when the server
/// closes the socket.
public enum PrivilegedDeliveryHelper {
    /// The most a request may carry: the largest message plus its header line.
    static let maximumRequest = 1 << 30

    /// Serves requests on `fd`. Only the spool directory and Maildir folder the
    /// helper was started with are accepted, so a compromised server cannot make
    /// it write anywhere else.
    public static func serve(descriptor fd: Int32, spoolDirectory: String, maildirFolder: String) {
        var stream = FramedStream(fd: fd)
        while let header = stream.readLine(limit: 64 * 1024) {
            let response: ExternalDeliveryResponse
            if let request = try? JSONDecoder().decode(ExternalDeliveryRequest.self, from: Data(header)),
               request.size >= 0, request.size <= maximumRequest, let content = stream.read(count: request.size) {
                response = allowed(request, spoolDirectory, maildirFolder) ? perform(request, content)
                    : ExternalDeliveryResponse(permanent: "delivery location \(request.location) is not the configured one")
            } else {
                return
            }
            guard let encoded = try? JSONEncoder().encode(response), stream.write(Array(encoded) + [10]) else { return }
        }
    }

    static func allowed(_ request: ExternalDeliveryRequest, _ spool: String, _ maildir: String) -> Bool {
        switch request.kind {
        case .mbox: trimmed(request.location) == trimmed(spool)
        case .maildir: !maildir.isEmpty && request.location == maildir
        }
    }

    static func trimmed(_ path: String) -> String {
        var p = Substring(path)
        while p.count > 1 && p.hasSuffix("/") { p = p.dropLast() }
        return String(p)
    }

    static func perform(_ request: ExternalDeliveryRequest, _ content: [UInt8]) -> ExternalDeliveryResponse {
        guard let account = SystemAccount.lookup(request.accountName) else {
            return ExternalDeliveryResponse(permanent: "no such account \(request.accountName)")
        }
        do {
            switch request.kind {
            case .mbox:
                try MboxDeliveryAgent(spoolDirectory: request.location)
                    .deliver(content, sender: request.sender, recipient: request.recipient, arrival: request.arrival, to: account)
            case .maildir:
                _ = try MaildirDeliveryAgent(mailboxPath: request.location)
                    .deliver(content, sender: request.sender, recipient: request.recipient, to: account)
            }
            return ExternalDeliveryResponse()
        } catch let failure as MailboxDeliveryError {
            switch failure {
            case .temporary(let why): return ExternalDeliveryResponse(temporary: why)
            case .permanent(let why): return ExternalDeliveryResponse(permanent: why)
            }
        } catch {
            return ExternalDeliveryResponse(temporary: "\(error)")
        }
    }
}
