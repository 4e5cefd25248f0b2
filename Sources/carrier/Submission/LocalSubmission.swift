import CarrierConfig
import CarrierStore
import Foundation

/// Hands a message from a local program (`sendmail`, `carrier mail`) to Carrier
/// through the maildrop, as Postfix's postdrop does: durable when this returns,
/// delivered by the server's pickup (now if it runs, else when it starts).
enum LocalSubmission {
    /// The login name of the submitting user.
    static var loginName: String {
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "root"
    }

    /// The default sender: `login@$myorigin`, as Postfix's sendmail uses.
    static func defaultSender(_ settings: CarrierSettings) -> String {
        "\(loginName)@\(settings.myorigin)"
    }

    /// Queues `content` for `recipients`; returns the queue id. Bare names get `@$myorigin`.
    static func submit(settings: CarrierSettings, sender: String?, recipients: [String], content: [UInt8]) throws(CommandFailure) -> String {
        guard !recipients.isEmpty else { throw .usage("no recipient addresses") }
        let qualified = recipients.map { $0.contains("@") ? $0 : "\($0)@\(settings.myorigin)" }
        let maildrop = Maildrop(dataDirectory: settings.dataDirectory)
        do {
            return try maildrop.submit(queueID: QueueIDGenerator().next(), sender: sender ?? defaultSender(settings),
                                       recipients: qualified, content: content, submitter: loginName)
        } catch {
            throw .temporary("cannot write to the maildrop in \(maildrop.directory): \(error)")
        }
    }
}
