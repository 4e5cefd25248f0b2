/// The SMTP client at the other end of a connection, as Postfix names it in
/// logs: `hostname[address]` (`unknown` when the name is not known).
public struct ClientInfo: Equatable, Sendable, CustomStringConvertible {
    public var hostname: String
    public var address: String
    public var port: Int
    /// In `mynetworks`: may relay, gets missing headers added.
    public var isTrusted: Bool

    public init(hostname: String, address: String, port: Int, isTrusted: Bool) {
        self.hostname = hostname
        self.address = address
        self.port = port
        self.isTrusted = isTrusted
    }

    /// `localhost[127.0.0.1]`.
    public var description: String { "\(hostname)[\(address)]" }
}
