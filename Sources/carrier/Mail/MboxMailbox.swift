import MailCore

/// An mbox file as `carrier mail` reads it: a system user's spool file
/// (`mail_spool_directory/USER`) or a file named with `-f`.
///
/// `q` rewrites the file under the mailbox locks: deleted messages are removed
/// and every kept message gets mailx's `Status:` field — `RO` when read, `O`
/// when not — so mailx, mutt and the next session see the same read state.
/// Mail delivered while the session was open is kept. Nothing is written when
/// nothing changed, or when the file could only be read.
final class MboxMailbox: MailboxSource {
    let file: MboxFile
    let label: String
    /// Whether the file was named with `-f` (mailx's "edit" mode, which ends with
    /// `"FILE" complete`, or `truncated` when emptied, rather than `Held N messages in FILE`).
    let isNamedFile: Bool
    private var original: [UInt8] = []
    private var entries: [MboxReader.Entry] = []
    private var isReadOnly = false

    init(path: String, isNamedFile: Bool) {
        file = MboxFile(path: path)
        label = path
        self.isNamedFile = isNamedFile
    }

    func load() async throws(CommandFailure) -> [MailboxMessage] {
        guard file.exists else { return [] }
        isReadOnly = !file.isLockable
        original = try file.read()
        entries = MboxReader.read(original)
        return entries.map { MailboxMessage(mboxEntry: Array(original[$0.range]), parsed: $0) }
    }

    func commit(_ dispositions: [MessageDisposition]) async throws(CommandFailure) -> String {
        guard !isReadOnly else { return "\"\(label)\" is read-only: nothing changed\n" }
        let (original, entries) = (self.original, self.entries)
        let newMail = try file.rewrite(replacing: original) { tail in
            MboxRewrite.render(original, entries: entries, dispositions: dispositions) + tail
        }
        let arrived = newMail ? "New mail has arrived.\n" : ""
        guard isNamedFile else { return arrived + heldText(dispositions) }
        let emptied = !newMail && !dispositions.contains { $0 != .delete }
        return arrived + "\"\(label)\" \(emptied ? "truncated" : "complete")\n"
    }
}
