/// The base subject of RFC 5256 §2.1, which SORT SUBJECT and both THREAD
/// algorithms compare: the subject without `Re:`, `Fwd:`, `[list]` blobs,
/// `(fwd)` trailers and `[fwd: ...]` wrappers.
public struct IMAPBaseSubject: Sendable, Equatable {
    /// The base subject text.
    public var text: String
    /// Whether extraction removed a `subj-refwd`, a `(fwd)` trailer or a
    /// `[fwd: ...]` wrapper (the REFERENCES algorithm's "reply or forward").
    public var isReplyOrForward: Bool

    /// Extracts the base subject of `subject`, whose encoded words
    /// (RFC 2047) are already decoded.
    public init(_ subject: String) {
        var bytes = Self.collapsedWhitespace(Array(subject.utf8))
        var replyOrForward = false
        while true {
            replyOrForward = Self.removeTrailers(&bytes) || replyOrForward
            while true {
                let leader = Self.removeLeaders(&bytes)
                replyOrForward = leader.refwd || replyOrForward
                let blob = Self.removeLeadingBlob(&bytes)
                if !leader.removed && !blob { break }
            }
            guard Self.hasPrefix(bytes, "[fwd:"), bytes.last == UInt8(ascii: "]") else { break }
            bytes = Array(bytes[5..<(bytes.count - 1)])
            replyOrForward = true
        }
        text = String(decoding: bytes, as: UTF8.self)
        isReplyOrForward = replyOrForward
    }

    /// Step 1: tabs, line breaks and runs of spaces become one space.
    private static func collapsedWhitespace(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        for byte in bytes {
            let space = byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A
            if space {
                if output.last != 0x20 { output.append(0x20) }
            } else {
                output.append(byte)
            }
        }
        return output
    }

    /// Step 2: trailing `(fwd)` and white space; true when a `(fwd)` went.
    private static func removeTrailers(_ bytes: inout [UInt8]) -> Bool {
        var forward = false
        while let last = bytes.last {
            if isSpace(last) {
                bytes.removeLast()
            } else if bytes.count >= 5, lowercased(bytes[(bytes.count - 5)...]) == Array("(fwd)".utf8) {
                bytes.removeLast(5)
                forward = true
            } else {
                break
            }
        }
        return forward
    }

    /// Step 3: every leading `subj-leader`, `(*subj-blob subj-refwd) / WSP`.
    private static func removeLeaders(_ bytes: inout [UInt8]) -> (removed: Bool, refwd: Bool) {
        var removed = false
        var refwd = false
        while let first = bytes.first {
            if isSpace(first) {
                bytes.removeFirst()
                removed = true
                continue
            }
            var index = 0
            while let end = blobEnd(bytes, from: index) { index = end }
            guard let end = refwdEnd(bytes, from: index) else { break }
            bytes.removeFirst(end)
            removed = true
            refwd = true
        }
        return (removed, refwd)
    }

    /// Step 4: a leading blob, when something is left after it.
    private static func removeLeadingBlob(_ bytes: inout [UInt8]) -> Bool {
        guard let end = blobEnd(bytes, from: 0), end < bytes.count else { return false }
        bytes.removeFirst(end)
        return true
    }

    /// The end of `subj-blob = "[" *BLOBCHAR "]" *WSP` starting at `start`.
    private static func blobEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return nil }
        var index = start + 1
        while index < bytes.count, bytes[index] != UInt8(ascii: "]") {
            if bytes[index] == UInt8(ascii: "[") { return nil }
            index += 1
        }
        guard index < bytes.count else { return nil }
        index += 1
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        return index
    }

    /// The end of `subj-refwd = ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"`.
    private static func refwdEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        var index = start
        if hasPrefix(bytes[index...], "re") {
            index += 2
        } else if hasPrefix(bytes[index...], "fw") {
            index += 2
            if index < bytes.count, bytes[index] | 0x20 == UInt8(ascii: "d") { index += 1 }
        } else {
            return nil
        }
        while index < bytes.count, isSpace(bytes[index]) { index += 1 }
        if let end = blobEnd(bytes, from: index) { index = end }
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { return nil }
        return index + 1
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 }

    private static func lowercased(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    }

    /// Whether `bytes` starts with the lowercase ASCII `prefix`, ignoring case.
    private static func hasPrefix(_ bytes: some Collection<UInt8>, _ prefix: String) -> Bool {
        let wanted = Array(prefix.utf8)
        guard bytes.count >= wanted.count else { return false }
        return zip(bytes, wanted).allSatisfy { ($0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0) == $1 }
    }
}
