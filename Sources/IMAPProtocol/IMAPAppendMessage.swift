/// One message of APPEND (RFC 9051 §6.3.12; several with MULTIAPPEND,
/// RFC 3502 §6.3.11).
public struct IMAPAppendMessage: Sendable, Equatable {
    public var flags: [IMAPFlag]
    public var internalDate: IMAPDateTime?
    public var data: [UInt8]
    /// Sent as literal8 (`~{n}`, RFC 3516 §4.1), so it may hold NUL.
    public var isBinary: Bool
    /// Sent as `UTF8 (~{n})` (RFC 6855 §4): a message with UTF-8 headers.
    public var isUTF8: Bool

    public init(flags: [IMAPFlag] = [], internalDate: IMAPDateTime? = nil, data: [UInt8],
                isBinary: Bool = false, isUTF8: Bool = false) {
        self.flags = flags
        self.internalDate = internalDate
        self.data = data
        self.isBinary = isBinary
        self.isUTF8 = isUTF8
    }
}
