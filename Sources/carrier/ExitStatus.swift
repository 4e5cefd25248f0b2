/// The exit statuses of `carrier`'s commands: 1 for a plain "no" (user exists, no such
/// user, key absent) and the sysexits(3) codes that mail tools share for the rest.
enum ExitStatus {
    /// The command did not do what was asked: the user exists, there is no such user.
    static let failure: Int32 = 1
    /// EX_USAGE: a bad argument on the command line.
    static let usage: Int32 = 64
    /// EX_DATAERR: an input file (aliases, a lookup table) is malformed.
    static let dataError: Int32 = 65
    /// EX_NOINPUT: an input file does not exist or cannot be read.
    static let noInput: Int32 = 66
    /// EX_CANTCREAT: an output file cannot be created or written.
    static let cannotCreate: Int32 = 73
    /// EX_TEMPFAIL: try again later (the store is locked or unavailable).
    static let temporaryFailure: Int32 = 75
    /// EX_CONFIG: the configuration is wrong.
    static let configuration: Int32 = 78
}
