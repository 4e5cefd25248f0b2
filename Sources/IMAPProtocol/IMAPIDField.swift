/// One field-value pair of the ID command or response (RFC 2971 §3.3).
public struct IMAPIDField: Sendable, Equatable {
    public var name: String
    public var value: String?

    public init(_ name: String, _ value: String?) {
        self.name = name
        self.value = value
    }
}
