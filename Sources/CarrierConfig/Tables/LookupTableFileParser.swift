/// Parses the text source of a Postfix lookup table, as `postmap` reads it.
///
/// `key whitespace value` per logical line, with `#` comment lines, blank lines and
/// continuation lines as in main.cf. Keys are folded to lower case; a key seen again
/// is a warning and the first value stays.
public enum LookupTableFileParser {
    /// Parses `text`, naming `path` and the line in errors and warnings.
    public static func parse(text: String, path: String) throws -> LookupTableFile {
        var entries: [LookupTableEntry] = []
        var warnings: [ConfigWarning] = []
        var seen: Set<String> = []
        for line in try LogicalLineReader.lines(of: text, path: path) {
            let location = ConfigLocation(file: path, line: line.line)
            guard let gap = line.text.firstIndex(where: \.isWhitespace) else {
                throw ConfigError(location: location, message: "expected \"key whitespace value\", found \"\(line.text)\"")
            }
            let key = line.text[..<gap].lowercased()
            let value = String(line.text[gap...].drop(while: \.isWhitespace))
            guard seen.insert(key).inserted else {
                warnings.append(ConfigWarning(location: location, message: "duplicate entry: \"\(key)\""))
                continue
            }
            entries.append(LookupTableEntry(key: key, value: value, line: line.line))
        }
        return LookupTableFile(entries: entries, warnings: warnings)
    }
}
