import Foundation

/// The server's side of the privileged delivery helper: sends one request at a
/// time over the socket and waits for the answer. A lost helper makes every
/// mbox/Maildir delivery a temporary failure (mail waits in the queue), never a loss.
public final class PrivilegedDeliveryClient: @unchecked Sendable {
    private let lock = NSLock()
    private var stream: FramedStream

    /// `fd` is the server's end of the socket pair the helper was started with.
    public init(descriptor fd: Int32) {
        stream = FramedStream(fd: fd)
    }

    func deliver(_ message: AcceptedMessage, to recipient: LocalRecipient) throws {
        guard let request = ExternalDeliveryRequest(message, recipient),
              let header = try? JSONEncoder().encode(request) else { return }
        lock.lock()
        defer { lock.unlock() }
        guard stream.write(Array(header) + [10] + message.content),
              let line = stream.readLine(limit: 64 * 1024),
              let response = try? JSONDecoder().decode(ExternalDeliveryResponse.self, from: Data(line)) else {
            throw MailboxDeliveryError.temporary("the privileged delivery helper is not answering")
        }
        if let error = response.error { throw error }
    }
}
