import MailCore

/// Finds the body part a part path names (RFC 9051 §6.4.5): the parts of a
/// message are the parts of its multipart body, or the body itself as part
/// 1; the parts of a message/rfc822 part are those of the message inside.
enum IMAPPartLocator {
    /// The part at `path` below the message `root`; the root itself for an
    /// empty path; nil if there is no such part.
    static func part(_ path: [Int], in root: MIMESkeleton) -> MIMESkeleton? {
        var current = root
        var isMessage = true
        for number in path {
            let parts = subparts(of: current, isMessage: isMessage)
            guard number >= 1, number <= parts.count else { return nil }
            current = parts[number - 1]
            isMessage = false
        }
        return current
    }

    private static func subparts(of part: MIMESkeleton, isMessage: Bool) -> [MIMESkeleton] {
        if part.contentType.isMultipart { return part.children }
        if isMessage { return [part] }
        if let inner = part.encapsulatedMessage { return subparts(of: inner, isMessage: true) }
        return []
    }

    /// The octets of `range` in `message`, clamped to its bounds.
    static func bytes(_ message: [UInt8], _ range: Range<Int>) -> ArraySlice<UInt8> {
        let lower = min(max(0, range.lowerBound), message.count)
        return message[lower..<min(max(lower, range.upperBound), message.count)]
    }
}
