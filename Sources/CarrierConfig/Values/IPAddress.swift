/// An IPv4 or IPv6 address as its network-order bytes (4 or 16), parsed from text.
struct IPAddress: Hashable {
    let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Parses dotted-quad IPv4 (`127.0.0.1`) or RFC 4291 IPv6 text (`::1`, `::ffff:1.2.3.4`).
    init?(_ text: some StringProtocol) {
        guard let bytes = text.contains(":") ? Self.ipv6(Substring(text)) : Self.ipv4(Substring(text)) else {
            return nil
        }
        self.bytes = bytes
    }

    /// The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`).
    var unmappedIPv4: IPAddress? {
        guard bytes.count == 16, bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xff, bytes[11] == 0xff else {
            return nil
        }
        return IPAddress(bytes: Array(bytes[12...]))
    }

    private static func ipv4(_ text: Substring) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        let octets = parts.compactMap { part -> UInt8? in
            guard part.count <= 3, part == "0" || !part.hasPrefix("0") else { return nil }
            return ParameterValueParser.integer(part).flatMap(UInt8.init(exactly:))
        }
        return octets.count == 4 ? octets : nil
    }

    private static func ipv6(_ text: Substring) -> [UInt8]? {
        guard let gap = text.firstRange(of: "::") else {
            let groups = ipv6Groups(text)
            return groups?.count == 16 ? groups : nil
        }
        guard let head = ipv6Groups(text[..<gap.lowerBound], ipv4Tail: false), let tail = ipv6Groups(text[gap.upperBound...]),
              !text[gap.upperBound...].contains("::"), head.count + tail.count <= 14
        else { return nil }
        return head + [UInt8](repeating: 0, count: 16 - head.count - tail.count) + tail
    }

    /// The bytes of colon-separated hex groups, the last of which may be dotted IPv4
    /// when `ipv4Tail` (only at the end of the whole address).
    private static func ipv6Groups(_ text: Substring, ipv4Tail: Bool = true) -> [UInt8]? {
        guard !text.isEmpty else { return [] }
        let groups = text.split(separator: ":", omittingEmptySubsequences: false)
        var bytes: [UInt8] = []
        for (index, group) in groups.enumerated() {
            if ipv4Tail, index == groups.count - 1, let ipv4 = ipv4(group) {
                bytes += ipv4
                continue
            }
            guard (1...4).contains(group.count), group.allSatisfy(\.isHexDigit), let value = UInt16(group, radix: 16) else {
                return nil
            }
            bytes += [UInt8(value >> 8), UInt8(value & 0xff)]
        }
        return bytes
    }
}
