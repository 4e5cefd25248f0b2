import Foundation

/// Parses the aliases(5) format of `/etc/aliases`.
///
/// `name: target, target, ...` per logical line; `#` comment lines, blank lines and
/// continuation lines (starting with white space) as in main.cf. A name or target may
/// be double-quoted (`"|/usr/bin/vacation alice"`). Entries come back in file order,
/// duplicates included; whoever builds the table keeps the first, as `postalias` does.
public enum AliasFileParser {
    /// Parses `text`, naming `path` and the line in every error.
    public static func parse(text: String, path: String) throws -> [AliasEntry] {
        try LogicalLineReader.lines(of: text, path: path).map { line in
            let location = ConfigLocation(file: path, line: line.line)
            guard let (name, rest) = nameAndTargets(line.text) else {
                throw ConfigError(location: location, message: "expected \"name: target, ...\", found \"\(line.text)\"")
            }
            guard let targets = splitTargets(rest) else {
                throw ConfigError(location: location, message: "unterminated quote in \"\(line.text)\"")
            }
            guard !targets.isEmpty else {
                throw ConfigError(location: location, message: "alias \"\(name)\" has no targets")
            }
            return AliasEntry(name: name.lowercased(), targets: targets.map(AliasTarget.init), line: line.line)
        }
    }

    /// Splits `name: rest`, the name either quoted or free of white space.
    private static func nameAndTargets(_ text: String) -> (String, Substring)? {
        var name: Substring
        var rest: Substring
        if text.hasPrefix("\"") {
            let afterQuote = text.dropFirst()
            guard let close = afterQuote.firstIndex(of: "\"") else { return nil }
            name = afterQuote[..<close]
            rest = afterQuote[afterQuote.index(after: close)...].drop(while: \.isWhitespace)
            guard rest.hasPrefix(":") else { return nil }
        } else {
            guard let colon = text.firstIndex(of: ":") else { return nil }
            name = Substring(text[..<colon].trimmingCharacters(in: .whitespaces))
            rest = text[colon...]
            guard !name.contains(where: \.isWhitespace) else { return nil }
        }
        guard !name.isEmpty else { return nil }
        return (String(name), rest.dropFirst())
    }

    /// Comma-separated targets, commas inside double quotes kept; nil for an open quote.
    private static func splitTargets(_ text: Substring) -> [String]? {
        var targets: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for character in text {
            if escaped {
                escaped = false
            } else if quoted, character == "\\" {
                escaped = true
            } else if character == "\"" {
                quoted.toggle()
            } else if character == ",", !quoted {
                targets.append(current)
                current = ""
                continue
            }
            current.append(character)
        }
        guard !quoted else { return nil }
        targets.append(current)
        return targets.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
