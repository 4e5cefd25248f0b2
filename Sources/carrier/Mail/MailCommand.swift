import ArgumentParser

/// `carrier mail` (also run as `mail` or `mailx` through a link): a mailx-compatible
/// user agent. With recipients it sends the text read from standard input;
/// without, it opens the user's mailbox (see `MailboxLocator`) and takes mailx's
/// commands (see `MailReader`).
struct MailCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mail",
        abstract: "Send or read mail, like mailx.",
        discussion: """
            Send: carrier mail [-s SUBJ] [-c ADDRS] [-b ADDRS] [-r FROM] [-a FILE]... TO...
              The text is read from standard input (on a terminal: up to a line ".").
            Read: carrier mail [-H] [-u USER]    the user's mailbox
                  carrier mail [-H] -f [FILE]    an mbox file (default ~/mbox)
              Commands: h, p/t [list], n, d [list], u [list], s [list] FILE, r [N], q, x, ?
            """)

    @OptionGroup var global: GlobalOptions

    @Option(name: .customShort("s"), help: ArgumentHelp("The subject.", valueName: "subject"))
    var subject: String?

    @Option(name: .customShort("c"), help: ArgumentHelp("Carbon-copy recipients, separated by commas.", valueName: "addresses"))
    var cc: [String] = []

    @Option(name: .customShort("b"), help: ArgumentHelp("Blind carbon-copy recipients (envelope only).", valueName: "addresses"))
    var bcc: [String] = []

    @Option(name: .customShort("r"), help: ArgumentHelp("The From address (default: login@$myorigin).", valueName: "address"))
    var from: String?

    @Option(name: .customShort("a"), help: ArgumentHelp("Attach a file (repeatable).", valueName: "file"))
    var attachments: [String] = []

    @Option(name: .customShort("u"), help: ArgumentHelp("Read this user's mailbox instead of your own.", valueName: "user"))
    var user: String?

    @Flag(name: .customShort("f"), help: "Read the mbox file named by the first argument (default ~/mbox).")
    var readFile = false

    @Flag(name: .customShort("H"), help: "Print the header summary and exit.")
    var summaryOnly = false

    @Argument(help: ArgumentHelp("Recipients (send mode), or with -f the mbox file.", valueName: "address"))
    var arguments: [String] = []

    /// Whether the command sends (recipients given, `-f` absent) rather than reads.
    var isSending: Bool { !readFile && !(arguments.isEmpty && cc.isEmpty && bcc.isEmpty) }

    func validate() throws {
        if readFile && arguments.count > 1 { throw ValidationError("-f takes one mbox file") }
        if isSending && (user != nil || summaryOnly) { throw ValidationError("-u and -H are for reading mail, not sending") }
        if !isSending && (subject != nil || !attachments.isEmpty) {
            throw ValidationError("no recipients: -s and -a need at least one address")
        }
    }

    func run() async throws {
        let settings = try LoadedConfiguration.load(global).settings
        if isSending {
            try MailSendMode(command: self, settings: settings).run()
        } else {
            try await MailReadMode(command: self, settings: settings).run()
        }
    }
}
