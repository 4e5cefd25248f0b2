/// One header field of a message: name, colon, body (RFC 5322 §2.2, §3.6.8).
///
/// `rawValue` keeps the body exactly as written, folding included (§2.2.3);
/// `value` is the unfolded body without surrounding white space. Obsolete
/// white space between the name and the colon (§4.5) is not part of `name`.
public struct HeaderField: Sendable, Equatable {
    /// The field name as written (compare it case-insensitively, §1.2.2).
    public let name: String
    /// The field body after the colon, line breaks of any folding kept.
    public let rawValue: String
    /// The field body unfolded (§2.2.3) and trimmed of leading and trailing WSP.
    public let value: String
    /// Octets of the whole field, name to final line break, within the parsed input.
    public let byteRange: Range<Int>

    public init(name: String, rawValue: String, value: String, byteRange: Range<Int>) {
        self.name = name
        self.rawValue = rawValue
        self.value = value
        self.byteRange = byteRange
    }

    /// `value` with RFC 2047 encoded words decoded, for unstructured fields.
    public var decodedValue: String {
        EncodedWord.decode(value)
    }

    /// Whether the field is called `name`, ignoring ASCII case.
    public func hasName(_ name: some StringProtocol) -> Bool {
        RFC5322ASCII.equalsIgnoringCase(self.name, name)
    }
}
