import Foundation

/// A SEARCH string (RFC 9051 §6.4.4) prepared for matching many messages:
/// an ASCII needle is looked for in the raw octets, ignoring ASCII case, 16
/// octets at a time; only when that cannot decide (octets beyond ASCII,
/// which Unicode case and diacritic folding might match, or a needle beyond
/// ASCII) is the text decoded and compared as Unicode.
struct IMAPSearchNeedle {
    /// What the octet scan found.
    enum Scan {
        case found
        case absent
        /// The octets must be decoded and compared as text.
        case undecided
    }

    let text: String
    /// The needle's octets with ASCII letters lowercased, and uppercased.
    private let lower: [UInt8]
    private let upper: [UInt8]
    /// Whether the octet scan can decide: the needle is ASCII.
    private let scannable: Bool

    init(_ text: String) {
        self.text = text
        lower = text.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        upper = text.utf8.map { $0 >= 0x61 && $0 <= 0x7A ? $0 & 0xDF : $0 }
        scannable = text.utf8.allSatisfy { $0 < 0x80 }
    }

    /// Whether `octets` contain the needle; `decode` gives their text when
    /// the octet scan cannot decide. The empty string is in everything.
    func isFound(in octets: ArraySlice<UInt8>, decode: () -> String) -> Bool {
        switch octets.withUnsafeBufferPointer(scan) {
        case .found: true
        case .absent: false
        case .undecided: compare(decode())
        }
    }

    /// Whether the text contains the needle, ignoring case and diacritics;
    /// the octet scan of its UTF-8 decides when it can.
    func isFound(inText haystack: String) -> Bool {
        var haystack = haystack
        switch haystack.withUTF8(scan) {
        case .found: return true
        case .absent: return false
        case .undecided: return compare(haystack)
        }
    }

    private func compare(_ haystack: String) -> Bool {
        text.isEmpty || haystack.range(of: text, options: [.caseInsensitive, .diacriticInsensitive]) != nil
    }

    /// Looks for the needle in `octets`, ignoring ASCII case. Blocks of 16
    /// candidate starts are tested at once: the needle's first and last
    /// octet must both match before the whole needle is compared.
    func scan(_ octets: UnsafeBufferPointer<UInt8>) -> Scan {
        guard scannable else { return .undecided }
        guard let last = lower.indices.last else { return .found }
        guard let base = octets.baseAddress, octets.count >= lower.count else {
            return octets.allSatisfy { $0 < 0x80 } ? .absent : .undecided
        }
        let raw = UnsafeRawPointer(base)
        let firstLower = SIMD16<UInt8>(repeating: lower[0]), firstUpper = SIMD16<UInt8>(repeating: upper[0])
        let lastLower = SIMD16<UInt8>(repeating: lower[last]), lastUpper = SIMD16<UInt8>(repeating: upper[last])
        var seen = SIMD16<UInt8>(repeating: 0)
        var start = 0
        while start + last + 16 <= octets.count {
            let heads = raw.loadUnaligned(fromByteOffset: start, as: SIMD16<UInt8>.self)
            let tails = raw.loadUnaligned(fromByteOffset: start + last, as: SIMD16<UInt8>.self)
            seen |= heads
            let candidates = (heads .== firstLower .| heads .== firstUpper) .& (tails .== lastLower .| tails .== lastUpper)
            // Two words of lane masks: cheaper to test than `any`, which reduces lane by lane.
            let lanes = unsafeBitCast(candidates, to: SIMD2<UInt64>.self)
            if lanes[0] | lanes[1] != 0 {
                for lane in 0..<16 where candidates[lane] && matches(at: base + start + lane) { return .found }
            }
            start += 16
        }
        var ascii = (seen & SIMD16(repeating: 0x80)) == SIMD16(repeating: 0)
        for offset in start..<octets.count {
            if offset + lower.count <= octets.count, matches(at: base + offset) { return .found }
            if octets[offset] >= 0x80 { ascii = false }
        }
        return ascii ? .absent : .undecided
    }

    private func matches(at position: UnsafePointer<UInt8>) -> Bool {
        for index in lower.indices where position[index] != lower[index] && position[index] != upper[index] { return false }
        return true
    }
}
