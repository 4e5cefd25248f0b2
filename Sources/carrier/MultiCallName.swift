/// The names the binary answers to when invoked through a link (as Postfix
/// installs `sendmail`, `mailq`, `newaliases`...): each maps to the
/// `carrier` subcommand that does that job.
enum MultiCallName {
    static let subcommands: [String: String] = [
        "sendmail": "sendmail",
        "mailq": "mailq",
        "newaliases": "newaliases",
        "postmap": "postmap",
        "postqueue": "postqueue",
        "postsuper": "postsuper",
        "mail": "mail",
        "mailx": "mail",
    ]

    /// The arguments to parse: `[subcommand] + arguments` when the program name
    /// is one of the links, else the arguments unchanged.
    static func arguments(programPath: String, arguments: [String]) -> [String] {
        let name = programPath.split(separator: "/").last.map(String.init) ?? programPath
        guard let subcommand = subcommands[name] else { return arguments }
        return [subcommand] + arguments
    }
}
