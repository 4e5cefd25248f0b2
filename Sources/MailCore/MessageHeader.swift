/// The header section of a message: its fields in order, and where the body
/// starts (RFC 5322 §2.1, §2.2, §3.5).
///
/// Lookups ignore case. Lines that are not a field (no colon, or an invalid
/// field name) and continuation lines that follow no field are skipped and
/// counted in `skippedLineCount`; a continuation line after a skipped line is
/// skipped too. See `parse(_:maxFields:maxBytes:)` for the limits.
public struct MessageHeader: Sendable, Equatable {
    /// The fields, in the order they appear.
    public let fields: [HeaderField]
    /// Octets of the header section, up to and including the last field's
    /// line break but not the empty line.
    public let headerByteCount: Int
    /// Offset of the first body octet, after the empty line; equals the input
    /// size when there is no empty line.
    public let bodyOffset: Int
    /// Whether an empty line separated the header from a body.
    public let hasBodySeparator: Bool
    /// Lines that were not part of any field and were ignored.
    public let skippedLineCount: Int
    /// Whether fields were dropped because a field or size limit was reached.
    public let isTruncated: Bool

    public init(
        fields: [HeaderField], headerByteCount: Int, bodyOffset: Int,
        hasBodySeparator: Bool, skippedLineCount: Int = 0, isTruncated: Bool = false
    ) {
        self.fields = fields
        self.headerByteCount = headerByteCount
        self.bodyOffset = bodyOffset
        self.hasBodySeparator = hasBodySeparator
        self.skippedLineCount = skippedLineCount
        self.isTruncated = isTruncated
    }

    /// The unfolded value of the first field called `name`, ignoring case.
    public subscript(name: some StringProtocol) -> String? {
        fields.first { $0.hasName(name) }?.value
    }

    /// Every field called `name`, ignoring case, in order.
    public func fields(named name: some StringProtocol) -> [HeaderField] {
        fields.filter { $0.hasName(name) }
    }
}
