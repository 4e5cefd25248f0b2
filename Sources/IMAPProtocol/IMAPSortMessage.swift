import MailCore

/// What SORT and THREAD know of one message (RFC 5256 §3): its number as
/// the response reports it (sequence number or UID), its dates and size,
/// and the header fields the criteria and the threading algorithms read.
/// Messages are given in mailbox order; that order breaks every tie.
public struct IMAPSortMessage: Sendable, Equatable {
    public var number: UInt32
    /// INTERNALDATE, seconds since 1970.
    public var arrival: Int64
    /// The Date field in UTC (RFC 5256 §2.2); nil when missing or invalid,
    /// then INTERNALDATE stands in for it.
    public var date: Int64?
    public var size: Int
    /// The Subject field with encoded words decoded.
    public var subject: String?
    public var from: String?
    public var to: String?
    public var cc: String?
    public var messageID: String?
    public var inReplyTo: String?
    public var references: String?

    public init(number: UInt32, arrival: Int64, date: Int64? = nil, size: Int = 0, subject: String? = nil,
                from: String? = nil, to: String? = nil, cc: String? = nil,
                messageID: String? = nil, inReplyTo: String? = nil, references: String? = nil) {
        self.number = number
        self.arrival = arrival
        self.date = date
        self.size = size
        self.subject = subject
        self.from = from
        self.to = to
        self.cc = cc
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
    }

    /// The sent date of RFC 5256 §2.2.
    public var sentDate: Int64 { date ?? arrival }

    /// The base subject in the i;unicode-casemap collation (RFC 5256 §3).
    var subjectKey: [UInt8] { IMAPUnicodeCasemap.key(IMAPBaseSubject(subject ?? "").text) }

    /// `addr-mailbox` of the field's first address (RFC 5256 §3), folded.
    static func mailboxKey(_ field: String?) -> [UInt8] {
        guard let field, let first = AddressList.parse(field, maxAddresses: 1).first else { return [] }
        return IMAPUnicodeCasemap.key(first.localPart)
    }

    /// DISPLAYFROM / DISPLAYTO (RFC 5957 §3): the first address's display
    /// name, or its addr-spec when it has none; folded.
    static func displayKey(_ field: String?) -> [UInt8] {
        guard let field, let first = AddressList.parse(field, maxAddresses: 1).first else { return [] }
        if let name = first.displayName, !name.isEmpty { return IMAPUnicodeCasemap.key(name) }
        return IMAPUnicodeCasemap.key(first.localPart + "@" + first.domain)
    }
}

/// SORT (RFC 5256 §3): orders messages by criteria, each possibly
/// REVERSE, with mailbox order as the implicit last criterion.
public enum IMAPSorter {
    private enum Key: Comparable {
        case number(Int64)
        /// Collation octets, compared as unsigned bytes.
        case text([UInt8])

        static func < (a: Key, b: Key) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): x < y
            case (.text(let x), .text(let y)): x.lexicographicallyPrecedes(y)
            case (.number, .text): true
            case (.text, .number): false
            }
        }
    }

    /// The numbers of `messages` in sorted order.
    public static func sort(_ messages: [IMAPSortMessage], by criteria: [IMAPSortCriterion]) -> [UInt32] {
        let keys = criteria.map { criterion in messages.map { key(criterion.key, $0) } }
        let order = messages.indices.sorted { a, b in
            for (criterion, column) in zip(criteria, keys) where column[a] != column[b] {
                return criterion.reversed ? column[a] > column[b] : column[a] < column[b]
            }
            return a < b
        }
        return order.map { messages[$0].number }
    }

    private static func key(_ key: IMAPSortKey, _ message: IMAPSortMessage) -> Key {
        switch key {
        case .arrival: .number(message.arrival)
        case .date: .number(message.sentDate)
        case .size: .number(Int64(message.size))
        case .subject: .text(message.subjectKey)
        case .from: .text(IMAPSortMessage.mailboxKey(message.from))
        case .to: .text(IMAPSortMessage.mailboxKey(message.to))
        case .cc: .text(IMAPSortMessage.mailboxKey(message.cc))
        case .displayFrom: .text(IMAPSortMessage.displayKey(message.from))
        case .displayTo: .text(IMAPSortMessage.displayKey(message.to))
        }
    }
}
