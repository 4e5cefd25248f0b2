import MailCore

/// A mail account. `address` is the login and routing key: a bare local part
/// (`alice`) for users of the `mydestination` domains, which share one namespace,
/// or a full address (`bob@hosted.test`) for users of `virtual_mailbox_domains`.
public struct UserRecord: Equatable, Sendable {
    public var id: Int64
    public var address: String
    public var passwordHash: String
    public var isAdmin: Bool

    public init(id: Int64, address: String, passwordHash: String, isAdmin: Bool) {
        self.id = id
        self.address = address
        self.passwordHash = passwordHash
        self.isAdmin = isAdmin
    }
}

/// One alias: a lowercased local part and what it expands to (aliases(5)).
public struct AliasRecord: Equatable, Sendable {
    public var name: String
    public var targets: [String]

    public init(name: String, targets: [String]) {
        self.name = name
        self.targets = targets
    }
}

/// A mailbox (folder) of a user with its IMAP counters (RFC 3501 §2.3.1.1, RFC 7162).
public struct MailboxRecord: Equatable, Sendable {
    public var id: Int64
    public var userID: Int64
    public var name: String
    public var uidValidity: Int64
    public var uidNext: Int64
    public var highestModSeq: Int64
}

/// A message as a mailbox holds it; the content is shared by hash.
public struct MessageRecord: Equatable, Sendable {
    public var mailboxID: Int64
    public var uid: Int64
    public var modSeq: Int64
    public var flags: [String]
    /// Seconds since 1970.
    public var internalDate: Int64
    public var size: Int
    public var bodyHash: String
    public var queueID: String?

    public init(mailboxID: Int64, uid: Int64, modSeq: Int64, flags: [String], internalDate: Int64, size: Int,
                bodyHash: String, queueID: String?) {
        self.mailboxID = mailboxID
        self.uid = uid
        self.modSeq = modSeq
        self.flags = flags
        self.internalDate = internalDate
        self.size = size
        self.bodyHash = bodyHash
        self.queueID = queueID
    }
}

/// A message in the outbound queue (what `mailq` lists) with its recipients.
public struct QueueEntryRecord: Equatable, Sendable {
    /// One recipient still to deliver and why it waits.
    public struct Recipient: Equatable, Sendable {
        public var address: String
        public var status: String
        public var reason: String?
    }

    public var queueID: String
    public var sender: String
    /// Seconds since 1970.
    public var arrival: Int64
    public var size: Int
    public var recipients: [Recipient]
}

/// One recipient of a queued message whose next attempt is due, with what a
/// delivery attempt needs about its message.
public struct QueuedDelivery: Equatable, Sendable {
    public var queueID: String
    public var sender: String
    /// Seconds since 1970.
    public var arrival: Int64
    public var bodyHash: String
    public var size: Int
    public var envelopeID: String?
    public var dsnReturn: String?
    public var recipient: String
    public var originalRecipient: String?
    public var notify: String?
    public var attempts: Int
    /// The sender has had a delay warning for this recipient.
    public var delayWarned: Bool = false

    public init(queueID: String, sender: String, arrival: Int64, bodyHash: String, size: Int, envelopeID: String? = nil,
                dsnReturn: String? = nil, recipient: String, originalRecipient: String? = nil, notify: String? = nil,
                attempts: Int = 0, delayWarned: Bool = false) {
        self.queueID = queueID
        self.sender = sender
        self.arrival = arrival
        self.bodyHash = bodyHash
        self.size = size
        self.envelopeID = envelopeID
        self.dsnReturn = dsnReturn
        self.recipient = recipient
        self.originalRecipient = originalRecipient
        self.notify = notify
        self.attempts = attempts
        self.delayWarned = delayWarned
    }
}
