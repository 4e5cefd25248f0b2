/// Octets of a stored message body: the body's content hash and the
/// offsets wanted (`MailStore.bodyOctets`).
public struct BodyRange: Hashable, Sendable {
    public var hash: String
    public var range: Range<Int>

    public init(hash: String, range: Range<Int>) {
        self.hash = hash
        self.range = range
    }
}
