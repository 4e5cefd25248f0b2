/// Why a subcommand stops: the text printed to stderr after `carrier: ` and the exit status.
///
/// Commands throw this; `CarrierCommand.main()` prints it and exits, so every failure
/// reads like Postfix's `postmap: fatal: ...` lines.
struct CommandFailure: Error, Equatable {
    /// The message without the `carrier: ` prefix.
    var message: String
    /// The process exit status, one of `ExitStatus`.
    var status: Int32

    /// A bad configuration file or value: `fatal: carrier.cf:3: ...`, EX_CONFIG.
    static func configuration(_ error: any Error) -> CommandFailure {
        CommandFailure(message: "fatal: \(error)", status: ExitStatus.configuration)
    }

    /// A malformed input file such as an alias file: `fatal: aliases:3: ...`, EX_DATAERR.
    static func data(_ error: any Error) -> CommandFailure {
        CommandFailure(message: "fatal: \(error)", status: ExitStatus.dataError)
    }

    /// An input file that is missing or cannot be read: `fatal: cannot read FILE: ...`, EX_NOINPUT.
    static func noInput(_ message: String) -> CommandFailure {
        CommandFailure(message: "fatal: \(message)", status: ExitStatus.noInput)
    }

    /// An output file that cannot be written, EX_CANTCREAT.
    static func cannotCreate(_ message: String) -> CommandFailure {
        CommandFailure(message: "fatal: \(message)", status: ExitStatus.cannotCreate)
    }

    /// A bad command-line argument, EX_USAGE.
    static func usage(_ message: String) -> CommandFailure {
        CommandFailure(message: message, status: ExitStatus.usage)
    }

    /// A condition that may clear by itself (store locked or unavailable), EX_TEMPFAIL.
    static func temporary(_ message: String) -> CommandFailure {
        CommandFailure(message: message, status: ExitStatus.temporaryFailure)
    }

    /// A plain refusal such as "user already exists", status 1.
    static func refused(_ message: String) -> CommandFailure {
        CommandFailure(message: message, status: ExitStatus.failure)
    }
}
