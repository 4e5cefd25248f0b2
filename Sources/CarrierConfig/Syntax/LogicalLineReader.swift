import Foundation

/// Splits Postfix-style text (main.cf, aliases, postmap input) into logical lines.
///
/// As in Postfix's `readlline`: blank lines and lines whose first non-space character
/// is `#` are skipped; a line that starts with white space continues the previous
/// logical line. Line ends may be LF or CRLF.
enum LogicalLineReader {
    static func lines(of text: String, path: String) throws -> [LogicalLine] {
        var result: [LogicalLine] = []
        let physicalLines = text.split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
        for (index, physical) in physicalLines.enumerated() {
            let trimmed = physical.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            guard physical.first?.isWhitespace == true else {
                result.append(LogicalLine(text: trimmed, line: index + 1))
                continue
            }
            guard let previous = result.popLast() else {
                throw ConfigError(
                    location: ConfigLocation(file: path, line: index + 1),
                    message: "continuation line (starting with white space) with no line before it")
            }
            result.append(LogicalLine(text: previous.text + " " + trimmed, line: previous.line))
        }
        return result
    }
}
