/// What happened to a message in this session of `carrier mail`; applied to
/// the mailbox by `q`, forgotten by `x`.
struct MessageState: Equatable {
    /// Printed (`p`, `t`, `n`) in this session.
    var readNow = false
    /// Marked by `d`, cleared by `u`; removed from the mailbox by `q`.
    var deleted = false
    /// Appended to a file by `s`.
    var saved = false

    /// The status column of the header summary: `*` saved, `R` read in this
    /// session, `O` read in an earlier one, `U` unread but seen before
    /// (mbox `Status: O`), `N` new. (bsd-mailx leaves the column blank for
    /// read messages; s-nail and Carrier's specification tell R from O.)
    func letter(for message: MailboxMessage) -> Character {
        if saved { return "*" }
        if readNow && !message.wasRead { return "R" }
        if message.wasRead { return "O" }
        return message.isOld ? "U" : "N"
    }

    /// Whether the message counts as read when the session is saved.
    func isRead(_ message: MailboxMessage) -> Bool {
        readNow || message.wasRead
    }
}
