import Foundation

/// Where `carrier user add` and `carrier user passwd` get the new password: the first
/// line of standard input (`--password-stdin`), or typed twice at the terminal without echo.
enum PasswordInput {
    /// The new password; empty passwords, mismatched retypes and a non-terminal
    /// standard input without `--password-stdin` are refused.
    static func read(fromStandardInput: Bool) throws(CommandFailure) -> String {
        guard !fromStandardInput else {
            return try nonEmpty(readLine(strippingNewline: true) ?? "")
        }
        guard isatty(STDIN_FILENO) == 1 else {
            throw .usage("standard input is not a terminal: give the password on it with --password-stdin")
        }
        let password = try nonEmpty(TerminalPasswordReader.read(prompt: "New password: "))
        guard try TerminalPasswordReader.read(prompt: "Retype new password: ") == password else {
            throw .refused("passwords do not match")
        }
        return password
    }

    private static func nonEmpty(_ password: String) throws(CommandFailure) -> String {
        guard !password.isEmpty else { throw .usage("empty password refused") }
        return password
    }
}
