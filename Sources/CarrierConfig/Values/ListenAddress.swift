/// Where a listener binds: `127.0.0.1:3025`, `localhost:25`, or `[::1]:25` for IPv6.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    /// The host name or address, without brackets.
    public let host: String
    /// The TCP port; 0 asks the system for a free one.
    public let port: Int

    /// Creates an address; `host` is given without brackets.
    public init(host: String, port: Int) {
        self.host = host
        self.port = port
    }

    /// Parses `host:port` or `[ipv6]:port`, or returns nil.
    public init?(_ text: String) {
        let hostText: Substring
        let portText: Substring
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]"), text[close...].hasPrefix("]:") else { return nil }
            hostText = text[text.index(after: text.startIndex)..<close]
            portText = text[text.index(close, offsetBy: 2)...]
            guard IPAddress(hostText)?.bytes.count == 16 else { return nil }
        } else {
            guard let colon = text.lastIndex(of: ":") else { return nil }
            hostText = text[..<colon]
            portText = text[text.index(after: colon)...]
            guard !hostText.isEmpty, hostText.allSatisfy(Self.isHostCharacter) else { return nil }
        }
        guard portText.count <= 5, let port = ParameterValueParser.integer(portText), port <= 65535 else { return nil }
        self.init(host: String(hostText), port: port)
    }

    /// `host:port`, with the host in brackets when it is an IPv6 address.
    public var description: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    private static func isHostCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._-".contains(character))
    }
}
