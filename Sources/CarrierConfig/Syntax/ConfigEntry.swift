/// One `key = value` assignment read from a main.cf-style file.
public struct ConfigEntry: Sendable, Equatable {
    /// The parameter name, case preserved (`smtp_tls_CAfile`).
    public var key: String
    /// The value as written: unexpanded, continuations joined with one space, trimmed.
    public var value: String
    /// The file and the line the assignment starts on.
    public var location: ConfigLocation

    /// Creates an entry.
    public init(key: String, value: String, location: ConfigLocation) {
        self.key = key
        self.value = value
        self.location = location
    }
}
