/// A Postfix lookup table named as `type:path`, such as `hash:/etc/carrier/aliases`.
public struct LookupTableReference: Sendable, Hashable, CustomStringConvertible {
    /// The table type: `hash`, `texthash`, ... (letters, digits, `_`).
    public let type: String
    /// Everything after the first colon: usually a file path.
    public let path: String

    /// Creates a reference.
    public init(type: String, path: String) {
        self.type = type
        self.path = path
    }

    /// Parses `type:path`, or returns nil when either part is empty or the type is malformed.
    public init?(_ text: String) {
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let type = text[..<colon]
        let path = text[text.index(after: colon)...]
        guard !type.isEmpty, !path.isEmpty,
              type.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return nil }
        self.init(type: String(type), path: String(path))
    }

    public var description: String { "\(type):\(path)" }
}
