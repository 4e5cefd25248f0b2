/// A valid mailbox name in Unicode (RFC 9051 §5.1): not empty, no control
/// characters, no empty hierarchy level between `/` delimiters, and INBOX
/// in any case spelled `INBOX` (also as the first level of a child name).
///
/// Whether a name may be created or seen is policy and not checked here.
public struct IMAPMailboxName: Hashable, Sendable, CustomStringConvertible {
    /// The hierarchy delimiter (RFC 9051 §5.1.1).
    public static let delimiter: Character = "/"
    /// Octets of a name in UTF-8.
    public static let maxLength = 1024

    public let name: String

    /// Validates a Unicode name. A single trailing delimiter is dropped: it
    /// only declares that children will follow (RFC 9051 §6.3.4).
    public init(validating name: String) throws(IMAPMailboxNameError) {
        var text = Substring(name)
        if text.count > 1, text.last == Self.delimiter { text = text.dropLast() }
        guard !text.isEmpty else { throw IMAPMailboxNameError("Mailbox name is empty") }
        guard text.utf8.count <= Self.maxLength else { throw IMAPMailboxNameError("Mailbox name is too long") }
        guard !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            throw IMAPMailboxNameError("Mailbox name contains control characters")
        }
        var levels = text.split(separator: Self.delimiter, omittingEmptySubsequences: false)
        guard !levels.contains(where: \.isEmpty) else {
            throw IMAPMailboxNameError("Mailbox name has an empty hierarchy level")
        }
        if IMAPCharacterClass.uppercased(levels[0].utf8) == "INBOX" { levels[0] = "INBOX" }
        self.name = levels.joined(separator: String(Self.delimiter))
    }

    /// A name as a command carried it: modified UTF-7 (RFC 3501 §5.1.3)
    /// unless UTF-8 names are in effect (IMAP4rev2 or UTF8=ACCEPT, RFC 6855 §3).
    public init(wire: String, utf8: Bool) throws(IMAPMailboxNameError) {
        if utf8 {
            try self.init(validating: wire)
        } else {
            guard let decoded = IMAPModifiedUTF7.decode(wire) else {
                throw IMAPMailboxNameError("Mailbox name is not valid modified UTF-7")
            }
            try self.init(validating: decoded)
        }
    }

    /// The name as a response carries it.
    public func wire(utf8: Bool) -> String {
        utf8 ? name : IMAPModifiedUTF7.encode(name)
    }

    /// The hierarchy levels, outermost first.
    public var levels: [String] {
        name.split(separator: Self.delimiter).map(String.init)
    }

    public var isInbox: Bool {
        name == "INBOX"
    }

    /// The name one level up; nil at the top.
    public var parent: IMAPMailboxName? {
        guard let cut = name.lastIndex(of: Self.delimiter) else { return nil }
        return try? IMAPMailboxName(validating: String(name[..<cut]))
    }

    public var description: String {
        name
    }
}

/// Why a string is no valid mailbox name; `reason` is the text for `NO`.
public struct IMAPMailboxNameError: Error, Sendable, Equatable {
    public var reason: String

    public init(_ reason: String) {
        self.reason = reason
    }
}
