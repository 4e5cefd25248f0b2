/// What `MailReader` does after the session handled a command.
enum ReaderStep: Equatable {
    /// Write this text (headers, messages, an error) and read the next command.
    case show([UInt8])
    /// Append these messages (0-based) to a file in mbox form, then `markSaved`.
    case save([Int], file: String)
    /// Read a reply's text and send it to the message's sender.
    case reply(Int)
    /// Apply the session to the mailbox (`dispositions`) and end.
    case quit
    /// End, leaving the mailbox as it was.
    case exit
}
