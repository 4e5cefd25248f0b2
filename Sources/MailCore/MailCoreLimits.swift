/// The resource limits every MailCore parser honours, gathered in one place.
///
/// RFC 5322 §2.1.1 caps a line at 998 octets but sets no limit on the number
/// of fields or the size of a header section, and RFC 2046 §5.1 allows
/// arbitrary nesting; a server must bound both to stay linear and safe.
public enum MailCoreLimits {
    /// Header fields kept per header section; later fields are dropped.
    public static let maxHeaderFields = 10_000
    /// Octets of a header section that are parsed into fields.
    public static let maxHeaderBytes = 256 * 1024
    /// Default nesting depth of a MIME tree (the root is depth 0).
    public static let maxMIMEDepth = 32
    /// Default number of parts in a MIME tree, the root included.
    public static let maxMIMEParts = 10_000
    /// Depth no caller may exceed, whatever `maxDepth` it asks for.
    public static let hardMaxMIMEDepth = 512
    /// Mailboxes returned from one address list.
    public static let maxAddresses = 10_000
}
