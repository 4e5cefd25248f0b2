import CarrierConfig
import CarrierStore
import Foundation
import MailCore

/// `mailq` / `postqueue -p` in Postfix's format: the maildrop (submitted,
/// not yet picked up) and the outbound queue, each message with its size,
/// arrival time, sender and the recipients still waiting, with the reason; a
/// `!` after the queue id marks a message on hold.
enum QueueListing {
    /// One message as listed.
    struct Item: Equatable {
        var queueID: String
        var size: Int
        var arrival: Int64
        var sender: String
        var recipients: [(address: String, reason: String?)]

        static func == (a: Item, b: Item) -> Bool {
            a.queueID == b.queueID && a.size == b.size && a.arrival == b.arrival && a.sender == b.sender
                && a.recipients.map(\.address) == b.recipients.map(\.address) && a.recipients.map(\.reason) == b.recipients.map(\.reason)
        }
    }

    static func print(settings: CarrierSettings) async throws(CommandFailure) {
        let items = try await collect(settings)
        FileHandle.standardOutput.write(Data(format(items).utf8))
    }

    static func collect(_ settings: CarrierSettings) async throws(CommandFailure) -> [Item] {
        let running = DataDirectoryStatus.serverPID(settings) != nil
        let pickupReason = running ? "waiting for pickup" : "waiting for pickup: the mail system is not running"
        var items = Maildrop(dataDirectory: settings.dataDirectory).entries().map { entry in
            Item(queueID: entry.envelope.queueID, size: entry.size, arrival: entry.envelope.arrival, sender: entry.envelope.sender,
                 recipients: entry.envelope.recipients.map { ($0, pickupReason) })
        }
        let queued = try await StoreAccess(settings: settings).perform { try await $0.queueEntries() }
        items += queued.map { entry in
            let held = !entry.recipients.isEmpty && entry.recipients.allSatisfy { $0.status == "hold" }
            return Item(queueID: entry.queueID + (held ? "!" : ""), size: entry.size, arrival: entry.arrival, sender: entry.sender,
                        recipients: entry.recipients.map { ($0.address, $0.status == "hold" ? "on hold" : $0.reason) })
        }
        return items.sorted { ($0.arrival, $0.queueID) < ($1.arrival, $1.queueID) }
    }

    /// Postfix's layout; "Mail queue is empty" when there is nothing.
    static func format(_ items: [Item]) -> String {
        guard !items.isEmpty else { return "Mail queue is empty\n" }
        let idWidth = max(11, (items.map(\.queueID.count).max() ?? 10) + 1)
        func pad(_ s: String, _ width: Int) -> String { s + String(repeating: " ", count: max(0, width - s.count)) }
        func left(_ s: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - s.count)) + s }
        var out = pad("-Queue ID-", idWidth) + " --Size-- ----Arrival Time---- -Sender/Recipient-------\n"
        let indent = String(repeating: " ", count: idWidth + 1 + 8 + 1 + 20)
        var bytes = 0
        for item in items {
            bytes += item.size
            let date = String(MboxFormat.asctime(item.arrival).prefix(19))
            out += pad(item.queueID, idWidth) + " " + left(String(item.size), 8) + " " + pad(date, 20) + " "
                + (item.sender.isEmpty ? "MAILER-DAEMON" : item.sender) + "\n"
            var lastReason: String?
            for recipient in item.recipients {
                if let reason = recipient.reason, reason != lastReason { out += "(\(reason))\n" }
                lastReason = recipient.reason
                out += indent + recipient.address + "\n"
            }
            out += "\n"
        }
        let requests = items.count == 1 ? "Request" : "Requests"
        out += "-- \((bytes + 1023) / 1024) Kbytes in \(items.count) \(requests).\n"
        return out
    }
}
