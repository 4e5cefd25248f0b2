extension IPAddress: CustomStringConvertible {
    /// Dotted quad for IPv4; RFC 5952 text for IPv6 (lower case, longest zero run as `::`).
    var description: String {
        if bytes.count == 4 { return bytes.map(String.init).joined(separator: ".") }
        if let ipv4 = unmappedIPv4 { return "::ffff:\(ipv4)" }
        let groups = stride(from: 0, to: 16, by: 2).map { UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]) }
        guard let run = longestZeroRun(groups) else {
            return groups.map { String($0, radix: 16) }.joined(separator: ":")
        }
        let head = groups[..<run.lowerBound].map { String($0, radix: 16) }.joined(separator: ":")
        let tail = groups[run.upperBound...].map { String($0, radix: 16) }.joined(separator: ":")
        return head + "::" + tail
    }

    /// The first longest run of at least two zero groups.
    private func longestZeroRun(_ groups: [UInt16]) -> Range<Int>? {
        var best: Range<Int>?
        var start: Int?
        for index in 0...groups.count {
            if index < groups.count, groups[index] == 0 {
                start = start ?? index
                continue
            }
            if let runStart = start, index - runStart >= 2, index - runStart > (best?.count ?? 0) {
                best = runStart..<index
            }
            start = nil
        }
        return best
    }
}
