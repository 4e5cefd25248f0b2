/// One `attribute=value` parameter of a Content-Type or Content-Disposition
/// field (RFC 2045 §5.1), after RFC 2231 continuations are joined and
/// charsets decoded.
public struct MIMEParameter: Sendable, Equatable {
    /// The attribute, lowercased (attributes are case-insensitive, §5.1).
    public var name: String
    /// The value, unquoted and decoded.
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
