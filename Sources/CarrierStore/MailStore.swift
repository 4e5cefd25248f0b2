import MailCore

/// The durable state of a Carrier node: users, aliases, mailboxes, messages and
/// the queue. Services see only this protocol; nothing above it is specific to
/// SQLite, so a PostgreSQL implementation can replace it.
public protocol MailStore: Sendable {
    // MARK: Directory
    func createUser(address: String, passwordHash: String, isAdmin: Bool) async throws -> UserRecord
    func user(address: String) async throws -> UserRecord?
    func users() async throws -> [UserRecord]
    func updatePassword(address: String, passwordHash: String) async throws -> Bool
    func deleteUser(address: String) async throws -> Bool

    // MARK: Aliases
    func replaceAliases(_ aliases: [AliasRecord]) async throws
    func alias(name: String) async throws -> AliasRecord?

    /// A number that changes whenever users or aliases change (any process).
    func directoryVersion() async throws -> Int64
    /// All users and aliases, for routing without a query per recipient.
    func loadDirectory() async throws -> DirectorySnapshot

    // MARK: Delivery
    /// Commits the batch durably (fsynced) before returning; one outcome per local copy.
    func deliver(_ batch: DeliveryBatch) async throws -> [LocalCopyOutcome]
    /// Calls `observer` after each `deliver` that stored a message (in this process).
    func observeDeliveries(_ observer: @escaping @Sendable () -> Void)
    /// Which of these external-delivery keys were recorded by an earlier `deliver`.
    func recordedExternalDeliveries(_ keys: [String]) async throws -> Set<String>

    // MARK: Reading
    func mailboxes(userID: Int64) async throws -> [MailboxRecord]
    func messages(userID: Int64, mailbox: String) async throws -> [MessageRecord]
    func content(hash: String) async throws -> [UInt8]?
    /// The contents of several bodies in one read (SEARCH over many messages); missing ones are left out.
    func contents(hashes: [String]) async throws -> [String: [UInt8]]
    /// Replaces a message's flags (`\Seen`, `\Deleted`...); bumps its MODSEQ. False when no such message.
    func setFlags(mailboxID: Int64, uid: Int64, flags: [String]) async throws -> Bool
    /// Removes the messages with these UIDs from the mailbox and records the
    /// expunge for QRESYNC; returns how many were removed.
    func expunge(mailboxID: Int64, uids: [Int64]) async throws -> Int
    func metadata(hash: String) async throws -> MessageMetadata?
    /// The MIME skeletons of these bodies, read together: what FETCH needs
    /// to answer ENVELOPE and BODYSTRUCTURE and to find a part without
    /// reading the body. A body stored without a readable skeleton (before
    /// skeletons existed) is parsed now and its skeleton saved. Missing
    /// bodies are left out.
    func mimeSkeletons(hashes: [String]) async throws -> [String: MIMESkeleton]
    /// The octets of ranges of stored bodies, one array per range in order
    /// (cut at the body's end; nil when the body is missing). Only those
    /// octets are read: bodies in the database together in one read, body
    /// files at the range's offset.
    func bodyOctets(_ ranges: [BodyRange]) async throws -> [[UInt8]?]
    /// A body opened to read ranges of it over time; nil when it is missing.
    func openBody(hash: String) async throws -> (any StoredBodyReader)?
    func queuedRecipientCount() async throws -> Int
    /// Every queued message with its recipients, oldest first.
    func queueEntries() async throws -> [QueueEntryRecord]
    /// Deferred recipients whose next attempt is due at `now` (seconds since 1970), oldest first.
    func dueQueueRecipients(now: Int64, limit: Int) async throws -> [QueuedDelivery]
    /// Like `dueQueueRecipients`, and marks them active so no other pass takes
    /// them until they are completed or deferred (a lease, as queue rows on a
    /// shared database will need).
    func claimDueQueueRecipients(now: Int64, limit: Int) async throws -> [QueuedDelivery]
    /// Makes every active recipient deferred again: at start, after a crash left claims behind.
    func releaseClaimedQueueRecipients() async throws
    /// The recipient is done (delivered or bounced); the message leaves the queue with its last recipient.
    func completeQueueRecipient(queueID: String, recipient: String) async throws
    /// Several recipients of one message delivered: one write for all of them.
    func completeQueueRecipients(queueID: String, recipients: [String]) async throws
    /// Another try failed: records the reason and when to try again.
    func deferQueueRecipient(queueID: String, recipient: String, reason: String, nextAttempt: Int64) async throws
    /// Records that the sender was told this recipient is delayed (`delay_warning_time`).
    func markDelayWarned(queueID: String, recipient: String) async throws
    /// `postqueue -f`: every deferred recipient becomes due now.
    func makeQueueDue() async throws
    /// `postsuper -h` / `-H`: puts messages on hold (never tried) or releases them
    /// (due now); nil means all. Returns how many messages changed.
    func setQueueHold(_ queueIDs: [String]?, hold: Bool) async throws -> Int
    /// `postsuper -r` / `postqueue -i`: makes these messages due now; nil means all.
    func requeue(_ queueIDs: [String]?) async throws -> Int
    /// Removes queued messages (`postsuper -d`); nil removes all. Returns how many were removed.
    func deleteQueueEntries(_ queueIDs: [String]?) async throws -> Int

    // MARK: IMAP
    /// Every mailbox of the user with its subscription, ordered by name.
    func imapMailboxes(userID: Int64) async throws -> [IMAPMailboxEntry]
    /// Creates the mailboxes that do not exist yet (INBOX and the special-use ones at login).
    func ensureMailboxes(userID: Int64, names: [String]) async throws
    /// Creates a mailbox with a fresh UIDVALIDITY; throws `IMAPStoreError.mailboxExists`.
    func createMailbox(userID: Int64, name: String) async throws -> MailboxRecord
    /// Removes a mailbox and its messages; false when it does not exist.
    func deleteMailbox(userID: Int64, name: String) async throws -> Bool
    /// Renames a mailbox and its children; renaming INBOX moves its messages
    /// into a new mailbox and leaves INBOX empty (RFC 9051 §6.3.6).
    func renameMailbox(userID: Int64, from: String, to: String) async throws
    /// Sets the subscription of an existing mailbox; false when it does not exist.
    func setSubscribed(userID: Int64, name: String, subscribed: Bool) async throws -> Bool
    /// The mailbox's counters, or nil when it is gone.
    func mailbox(id: Int64) async throws -> MailboxRecord?
    /// Every message of the mailbox, in UID order.
    func messages(mailboxID: Int64) async throws -> [MessageRecord]
    /// The cached header fields of every message of the mailbox, by UID (SORT, THREAD).
    func messageMetadata(mailboxID: Int64) async throws -> [Int64: MessageMetadata]
    /// What changed after `sinceModSeq`, read in one transaction.
    func mailboxChanges(mailboxID: Int64, sinceModSeq: Int64) async throws -> IMAPMailboxChanges?
    /// The highest mod-sequence of each of these mailboxes that exists.
    func highestModSeqs(mailboxIDs: [Int64]) async throws -> [Int64: Int64]
    /// The UIDs expunged after `sinceModSeq` (QRESYNC, RFC 7162 §3.2.5.1).
    func expunged(mailboxID: Int64, sinceModSeq: Int64) async throws -> IMAPExpungedUIDs
    /// Message count, unseen, deleted and total size.
    func mailboxCounts(mailboxID: Int64) async throws -> IMAPMailboxCounts
    /// The messages and octets of all the user's mailboxes (quota, RFC 9208).
    func storageUsage(userID: Int64) async throws -> StorageUsage
    /// Replaces the flags of these messages under one new mod-sequence, which it returns.
    func storeFlags(mailboxID: Int64, updates: [IMAPFlagUpdate]) async throws -> Int64
    /// Copies (or with `move`, moves) messages with their flags and internal
    /// dates; returns the new UIDs in the order of `uids` (missing ones skipped
    /// in both lists: the pairs returned).
    func copyMessages(mailboxID: Int64, uids: [Int64], to destinationID: Int64, move: Bool) async throws -> [(source: Int64, destination: Int64)]
    /// Stores new messages in a mailbox; returns their UIDs.
    func append(mailboxID: Int64, messages: [IMAPAppendRequest]) async throws -> [Int64]
}

/// Errors a store reports to its callers.
public enum MailStoreError: Error, Equatable, CustomStringConvertible {
    case userExists(String)
    case noSuchUser(String)
    case noSuchMailbox(String)
    case storageFull
    case corrupt(String)

    public var description: String {
        switch self {
        case .userExists(let a): "user already exists: \(a)"
        case .noSuchUser(let a): "no such user: \(a)"
        case .noSuchMailbox(let m): "no such mailbox: \(m)"
        case .storageFull: "insufficient storage"
        case .corrupt(let why): "store corrupt: \(why)"
        }
    }
}
