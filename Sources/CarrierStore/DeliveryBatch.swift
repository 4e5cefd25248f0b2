import MailCore

/// Everything one accepted message commits in a single transaction: its body,
/// one copy per local mailbox, and queue entries for remote recipients
/// (ARCHITECTURE.md: there is never a window where a message is in neither place).
public struct DeliveryBatch: Sendable {
    /// One local mailbox that receives the message.
    public struct LocalCopy: Equatable, Sendable {
        public var userID: Int64
        public var mailbox: String
        /// The recipient address as given in the envelope; with the queue id it
        /// makes delivery idempotent.
        public var recipient: String

        public init(userID: Int64, mailbox: String = "INBOX", recipient: String) {
            self.userID = userID
            self.mailbox = mailbox
            self.recipient = recipient
        }
    }

    /// One recipient left in the queue, with why it waits (`mailq` shows it).
    public struct QueuedRecipient: Equatable, Sendable {
        public var address: String
        public var originalRecipient: String?
        public var notify: String?
        public var reason: String?

        public init(address: String, originalRecipient: String? = nil, notify: String? = nil, reason: String? = nil) {
            self.address = address
            self.originalRecipient = originalRecipient
            self.notify = notify
            self.reason = reason
        }
    }

    public var queueID: String
    public var sender: String
    public var content: [UInt8]
    public var metadata: MessageMetadata
    /// Seconds since 1970.
    public var arrival: Int64
    public var localCopies: [LocalCopy]
    public var queued: [QueuedRecipient]
    public var envelopeID: String?
    public var dsnReturn: String?
    /// Deliveries made outside the store (mbox, Maildir) to record, so a retry
    /// of the same queue id skips them.
    public var externalDeliveryKeys: [String] = []
    /// `mailbox_size_limit` (0: none): a copy that would take its user's
    /// mailboxes over it is not stored but queued with `mailboxFullReason`,
    /// in the same transaction.
    public var mailboxSizeLimit = 0
    public var mailboxFullReason = ""

    public init(queueID: String, sender: String, content: [UInt8], metadata: MessageMetadata, arrival: Int64,
                localCopies: [LocalCopy], queued: [QueuedRecipient] = [], envelopeID: String? = nil, dsnReturn: String? = nil) {
        self.queueID = queueID
        self.sender = sender
        self.content = content
        self.metadata = metadata
        self.arrival = arrival
        self.localCopies = localCopies
        self.queued = queued
        self.envelopeID = envelopeID
        self.dsnReturn = dsnReturn
    }
}

/// What happened to one local copy of a `DeliveryBatch`.
public enum LocalCopyOutcome: Equatable, Sendable {
    case stored(uid: Int64)
    /// This (queue id, recipient, mailbox) was stored before: no second copy.
    case alreadyDelivered
    /// Over `mailboxSizeLimit`: not stored, queued for a later try.
    case mailboxFull
}
