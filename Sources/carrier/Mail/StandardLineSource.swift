import Foundation

/// Lines from standard input; the prompt goes to standard output, and only when
/// standard input is a terminal (mailx's `& ` is not printed to a pipe).
final class StandardLineSource: LineSource {
    let isInteractive = isatty(STDIN_FILENO) == 1

    func readLine(prompt: String) -> String? {
        if isInteractive && !prompt.isEmpty { FileHandle.standardOutput.write(Data(prompt.utf8)) }
        return Swift.readLine(strippingNewline: true)
    }
}
