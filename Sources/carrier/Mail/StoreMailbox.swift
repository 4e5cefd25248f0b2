import CarrierConfig
import CarrierStore
import MailCore

/// A Carrier account's INBOX as `carrier mail` reads it. `q` sets `\Seen` on
/// the messages read and expunges the deleted ones, so IMAP and POP3 clients
/// see the same state.
final class StoreMailbox: MailboxSource {
    let account: String
    private let store: StoreAccess
    private var records: [MessageRecord] = []

    init(account: String, store: StoreAccess) {
        self.account = account
        self.store = store
    }

    var label: String { "carrier:\(account)/INBOX" }

    func load() async throws(CommandFailure) -> [MailboxMessage] {
        let account = self.account
        guard let user = try await store.perform({ try await $0.user(address: account) }) else { return [] }
        let all = try await store.perform { try await $0.messages(userID: user.id, mailbox: "INBOX") }
        var messages: [MailboxMessage] = []
        records = []
        for record in all {
            let hash = record.bodyHash
            guard let content = try await store.perform({ try await $0.content(hash: hash) }) else {
                Diagnostics.warning("message UID \(record.uid) of \(account) has no content; skipped")
                continue
            }
            records.append(record)
            messages.append(MailboxMessage(storeContent: content, sender: Self.returnPath(content),
                                           internalDate: record.internalDate, seen: record.flags.contains("\\Seen")))
        }
        return messages
    }

    func commit(_ dispositions: [MessageDisposition]) async throws(CommandFailure) -> String {
        var expunged: [Int64] = []
        for (record, disposition) in zip(records, dispositions) {
            switch disposition {
            case .delete:
                expunged.append(record.uid)
            case .keep(let read) where read && !record.flags.contains("\\Seen"):
                let flags = record.flags + ["\\Seen"]
                _ = try await store.perform { try await $0.setFlags(mailboxID: record.mailboxID, uid: record.uid, flags: flags) }
            case .keep:
                break
            }
        }
        if let mailboxID = records.first?.mailboxID, !expunged.isEmpty {
            let uids = expunged
            _ = try await store.perform { try await $0.expunge(mailboxID: mailboxID, uids: uids) }
        }
        return heldText(dispositions)
    }

    /// The envelope sender for the From_ line: the Return-Path, else the From address.
    static func returnPath(_ content: [UInt8]) -> String {
        let header = MessageHeader.parse(content)
        if let path = header["return-path"] {
            return path.filter { !"<> ".contains($0) }
        }
        return header["from"].flatMap { AddressList.parse($0).first?.addressString } ?? ""
    }
}
