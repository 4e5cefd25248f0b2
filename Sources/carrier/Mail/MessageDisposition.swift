/// What `q` does with one message of the mailbox.
enum MessageDisposition: Equatable {
    /// Removed from the mailbox (`d`).
    case delete
    /// Kept, marked read (`Status: RO`, `\Seen`) or unread but old (`Status: O`).
    case keep(read: Bool)
}
