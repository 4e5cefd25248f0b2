/// One data item of a FETCH response (RFC 9051 §7.5.2, RFC 3516 §4.2,
/// RFC 7162 §3.1.4).
public enum IMAPFetchItem: Sendable, Equatable {
    case uid(UInt32)
    case flags([IMAPFlag])
    case internalDate(IMAPDateTime)
    case rfc822Size(Int)
    /// `MODSEQ (n)`.
    case modSeq(UInt64)
    case envelope(IMAPEnvelope)
    /// `BODY (...)`: the structure without extension data.
    case body(IMAPBodyStructure)
    /// `BODYSTRUCTURE (...)`: the structure with extension data.
    case bodyStructure(IMAPBodyStructure)
    /// `BODY[section]<origin> data`; nil data is sent as NIL. `origin` is
    /// the offset of a partial fetch.
    case bodySection(IMAPSection, origin: UInt64?, data: [UInt8]?)
    /// `BINARY[part]<origin> data`, a literal8 when the data holds NUL.
    case binary(part: [Int], origin: UInt64?, data: [UInt8]?)
    /// `BINARY.SIZE[part] n`.
    case binarySize(part: [Int], size: Int)
    /// `RFC822 data` (the whole message).
    case rfc822([UInt8]?)
    /// `RFC822.HEADER data`.
    case rfc822Header([UInt8]?)
    /// `RFC822.TEXT data`.
    case rfc822Text([UInt8]?)
}
