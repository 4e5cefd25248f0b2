/// A LIST command, basic or extended (RFC 9051 §6.3.9, RFC 5258 §3).
public struct IMAPListCommand: Sendable, Equatable {
    public var selectionOptions: [IMAPListSelectionOption]
    /// The reference name, as sent.
    public var reference: String
    /// One or more mailbox patterns with `%` and `*` wildcards, as sent;
    /// an empty single pattern asks for the delimiter (§6.3.9).
    public var patterns: [String]
    public var returnOptions: [IMAPListReturnOption]

    public init(
        selectionOptions: [IMAPListSelectionOption] = [], reference: String, patterns: [String],
        returnOptions: [IMAPListReturnOption] = []
    ) {
        self.selectionOptions = selectionOptions
        self.reference = reference
        self.patterns = patterns
        self.returnOptions = returnOptions
    }

    /// Whether the client used LIST-EXTENDED syntax (selection or return
    /// options, or several patterns), which changes what the server returns
    /// (RFC 5258 §3: CHILDINFO, \NonExistent).
    public var isExtended: Bool {
        !selectionOptions.isEmpty || !returnOptions.isEmpty || patterns.count > 1
    }
}

/// A LIST selection option (RFC 5258 §3.1, RFC 6154 §3).
public enum IMAPListSelectionOption: Sendable, Equatable {
    case subscribed
    case remote
    case recursiveMatch
    case specialUse
}

/// A LIST return option (RFC 5258 §3.2, RFC 6154 §3, RFC 5819 §2).
public enum IMAPListReturnOption: Sendable, Equatable {
    case subscribed
    case children
    case specialUse
    /// `STATUS (...)`: a STATUS response after each listed mailbox.
    case status([IMAPStatusAttribute])
}
