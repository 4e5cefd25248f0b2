/// A mailbox `carrier mail` reads and updates: an mbox file (`MboxMailbox`)
/// or a Carrier account's INBOX (`StoreMailbox`).
protocol MailboxSource: AnyObject {
    /// The name on the `"LABEL": 2 messages` line.
    var label: String { get }
    /// The messages, oldest first; empty when there are none (or no mailbox).
    func load() async throws(CommandFailure) -> [MailboxMessage]
    /// Applies `q`, one disposition per loaded message; returns what to tell
    /// the user (`Held 1 message in ...`).
    func commit(_ dispositions: [MessageDisposition]) async throws(CommandFailure) -> String
}

extension MailboxSource {
    /// `Held N message(s) in LABEL`, as mailx reports on quitting.
    func heldText(_ dispositions: [MessageDisposition]) -> String {
        let held = dispositions.filter { $0 != .delete }.count
        return "Held \(held) message\(held == 1 ? "" : "s") in \(label)\n"
    }
}
