/// Postfix list values: items separated by commas and/or white space.
public enum ConfigList {
    /// The items of `value`, empty items dropped: `"a, b  c,,d"` → `["a", "b", "c", "d"]`.
    public static func split(_ value: String) -> [String] {
        value.split { $0 == "," || $0.isWhitespace }.map(String.init)
    }
}
