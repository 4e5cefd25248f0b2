/// The RDATA of an AAAA record: sixteen octets (RFC 3596 §2.2).
public struct IPv6Address: Hashable, Sendable, CustomStringConvertible {
    public var octets: [UInt8]

    /// `octets` must hold exactly sixteen bytes.
    public init?(octets: [UInt8]) {
        guard octets.count == 16 else { return nil }
        self.octets = octets
    }

    /// The canonical text form of RFC 5952 §4: lower-case hex, no leading
    /// zeros, the longest run (two or more) of zero groups shortened to "::".
    public var description: String {
        let groups = (0..<8).map { Int(octets[2 * $0]) << 8 | Int(octets[2 * $0 + 1]) }
        var bestStart = -1, bestLength = 1, runStart = -1
        for (index, group) in groups.enumerated() {
            if group == 0 {
                if runStart < 0 { runStart = index }
                if index - runStart + 1 > bestLength { bestStart = runStart; bestLength = index - runStart + 1 }
            } else {
                runStart = -1
            }
        }
        let hex = groups.map { String($0, radix: 16) }
        guard bestStart >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<bestStart].joined(separator: ":")
        let tail = hex[(bestStart + bestLength)...].joined(separator: ":")
        return head + "::" + tail
    }
}
