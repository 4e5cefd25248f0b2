/// One namespace of a NAMESPACE response (RFC 9051 §6.3.10).
public struct IMAPNamespace: Sendable, Equatable {
    public var prefix: String
    public var delimiter: Character?

    public init(prefix: String, delimiter: Character?) {
        self.prefix = prefix
        self.delimiter = delimiter
    }
}

/// The three namespace lists of NAMESPACE; an empty list is sent as NIL.
public struct IMAPNamespaceResponse: Sendable, Equatable {
    public var personal: [IMAPNamespace]
    public var otherUsers: [IMAPNamespace]
    public var shared: [IMAPNamespace]

    public init(personal: [IMAPNamespace], otherUsers: [IMAPNamespace] = [], shared: [IMAPNamespace] = []) {
        self.personal = personal
        self.otherUsers = otherUsers
        self.shared = shared
    }
}
