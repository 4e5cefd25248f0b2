import Foundation

/// Where an alias sends mail (aliases(5)).
public enum AliasTarget: Sendable, Hashable {
    /// A local name or a full address: `alice`, `bob@example.com`.
    case address(String)
    /// `:include:/path`: more targets listed in a file.
    case include(String)
    /// `|command`: piped to a command (the text after `|`).
    case command(String)
    /// `/path`: appended to a file.
    case file(String)

    /// Classifies one target as written, after outer double quotes are removed.
    init(_ text: String) {
        var text = Substring(text)
        if text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") {
            text = text.dropFirst().dropLast()
        }
        if text.lowercased().hasPrefix(":include:") {
            self = .include(text.dropFirst(":include:".count).trimmingCharacters(in: .whitespaces))
        } else if text.hasPrefix("|") {
            self = .command(text.dropFirst().trimmingCharacters(in: .whitespaces))
        } else if text.hasPrefix("/") {
            self = .file(String(text))
        } else {
            self = .address(String(text))
        }
    }
}
