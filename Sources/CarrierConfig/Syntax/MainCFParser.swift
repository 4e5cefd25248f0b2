import Foundation

/// Parses Postfix `main.cf` syntax (postconf(5)) into entries, in file order.
///
/// `key = value` per logical line; white space around `=` and at line ends is
/// trimmed; `#` starts a comment only as the first non-space character of a line;
/// a line starting with white space continues the previous one. Later assignments
/// of a key win, which `Configuration` applies; the parser keeps them all.
public enum MainCFParser {
    /// Parses `text`, naming `path` in every error.
    public static func parse(text: String, path: String) throws -> [ConfigEntry] {
        try LogicalLineReader.lines(of: text, path: path).map { line in
            let location = ConfigLocation(file: path, line: line.line)
            guard let equals = line.text.firstIndex(of: "=") else {
                throw ConfigError(location: location, message: "expected \"name = value\", found \"\(line.text)\"")
            }
            let key = line.text[..<equals].trimmingCharacters(in: .whitespaces)
            guard isParameterName(key) else {
                throw ConfigError(location: location, message: "invalid parameter name \"\(key)\"")
            }
            let value = line.text[line.text.index(after: equals)...].trimmingCharacters(in: .whitespaces)
            return ConfigEntry(key: key, value: value, location: location)
        }
    }

    /// Whether `name` is a valid parameter name: `[A-Za-z0-9_.-]+`.
    public static func isParameterName(_ name: some StringProtocol) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "_.-".unicodeScalars.contains(scalar))
        }
    }
}
