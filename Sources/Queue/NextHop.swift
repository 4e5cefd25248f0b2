import Foundation

/// Where a message goes next (RFC 5321 §5, Postfix's `relayhost` syntax):
/// `[host]:port` is that host, no MX lookup; `host` or `host:port` means the
/// MX hosts of `host`. Without a relayhost, the recipient domain's MX hosts on port 25.
public struct NextHop: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var host: String
    public var port: Int
    /// Look up MX records for `host` (false for the bracketed form).
    public var mxLookup: Bool

    public init(host: String, port: Int = 25, mxLookup: Bool) {
        self.host = host
        self.port = port
        self.mxLookup = mxLookup
    }

    /// Parses a `relayhost` value; nil for empty or malformed text.
    public init?(relayhost text: String) {
        var rest = Substring(text.trimmingCharacters(in: .whitespaces))
        guard !rest.isEmpty else { return nil }
        var bracketed = false
        var host: Substring
        if rest.first == "[" {
            guard let close = rest.firstIndex(of: "]") else { return nil }
            host = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            bracketed = true
        } else if let colon = rest.lastIndex(of: ":"), !rest.contains("::") {
            host = rest[..<colon]
            rest = rest[colon...]
        } else {
            host = rest
            rest = ""
        }
        var port = 25
        if !rest.isEmpty {
            guard rest.first == ":", let value = Int(rest.dropFirst()), (1...65535).contains(value) else { return nil }
            port = value
        }
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || "-._:".contains($0) }) else { return nil }
        self.init(host: host.lowercased(), port: port, mxLookup: !bracketed)
    }

    /// The recipient domain itself, looked up by MX on port 25.
    public static func domain(_ domain: String) -> NextHop {
        NextHop(host: domain.lowercased(), port: 25, mxLookup: true)
    }

    /// The key Postfix looks up in `smtp_sasl_password_maps` for this hop:
    /// `[host]:port` (or `host:port`), then the bare host.
    public var passwordMapKeys: [String] {
        let shown = mxLookup ? host : "[\(host)]"
        return port == 25 ? [shown, host] : ["\(shown):\(port)", shown, host]
    }

    public var description: String {
        (mxLookup ? host : "[\(host)]") + (port == 25 ? "" : ":\(port)")
    }
}
