/// A response code in brackets after OK, NO, BAD, PREAUTH or BYE (RFC 9051
/// §7.1 and the extensions that add codes).
public enum IMAPResponseCode: Sendable, Equatable {
    case alert
    case alreadyExists
    /// `APPENDUID uidvalidity uids` (RFC 4315 §3; a set for MULTIAPPEND).
    case appendUID(uidValidity: UInt32, uids: IMAPNumberSet)
    case authenticationFailed
    case authorizationFailed
    /// `BADCHARSET (charsets)`; an empty list omits the parentheses.
    case badCharset([String])
    case cannot
    case capability([String])
    case clientBug
    /// RFC 7162 §3.2.11.
    case closed
    /// RFC 4978 §3: COMPRESS again on a compressed connection.
    case compressionActive
    case contactAdmin
    /// `COPYUID uidvalidity source destination` (RFC 4315 §3); the two sets
    /// pair up in order, build them with `IMAPNumberSet(preservingOrder:)`.
    case copyUID(uidValidity: UInt32, source: IMAPNumberSet, destination: IMAPNumberSet)
    case corruption
    case expired
    case expungeIssued
    case hasChildren
    /// RFC 7162 §3.1.2.1.
    case highestModSeq(UInt64)
    case inUse
    case limit
    /// `MODIFIED set`: what a conditional STORE did not change (RFC 7162 §3.1.3).
    case modified(IMAPNumberSet)
    /// RFC 7162 §3.1.2.2.
    case noModSeq
    case nonExistent
    case noPerm
    case notSaved
    case overQuota
    case parse
    /// `PERMANENTFLAGS (flags [\*])`; `allowsNewKeywords` adds `\*`.
    case permanentFlags([IMAPFlag], allowsNewKeywords: Bool)
    case privacyRequired
    case readOnly
    case readWrite
    case serverBug
    /// RFC 4469 §4.2, RFC 7888 §5.
    case tooBig
    case tryCreate
    case uidNext(UInt32)
    case uidNotSticky
    case uidValidity(UInt32)
    case unavailable
    /// RFC 3516 §4.2.
    case unknownCTE
    /// RFC 6154 §3: a special-use attribute CREATE cannot give.
    case useAttribute
    /// Any other code: an atom and optional text without `]`.
    case other(String, String?)
}
